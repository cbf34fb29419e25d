using Strata.History;

namespace Strata.Execution;

/// <summary>What a dialect needs to know when it opens a session for the engine.</summary>
public sealed record SessionOptions
{
    /// <summary>The history table (and optional schema).</summary>
    public HistoryTableName History { get; init; } = new();

    /// <summary>
    /// The server-side wait for table locks by the statements of a transactional migration (PostgreSQL
    /// <c>lock_timeout</c>), so a migration stuck behind a long transaction fails quickly instead of queueing every
    /// reader of the table behind it. Null leaves the server's setting. Not applied to no-transaction migrations:
    /// <c>CREATE INDEX CONCURRENTLY</c> waits for old transactions on purpose. SQLite ignores it.
    /// </summary>
    public TimeSpan? StatementLockTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// What to do when the database does not exist yet (SQLite: no file): create it (the default), refuse, or read it
    /// as empty. The engine sets it per verb: status, validate, rollback and repair refuse, a dry run of migrate reads
    /// as empty, writes create. See <see cref="Execution.MissingDatabase"/>.
    /// </summary>
    public MissingDatabase IfMissing { get; init; } = MissingDatabase.Create;

    /// <summary>The longest a single migration statement may run (PostgreSQL <c>statement_timeout</c>); null for no limit. SQLite ignores it.</summary>
    public TimeSpan? StatementTimeout { get; init; }
}

namespace Strata.History;

/// <summary>Reads and writes the history table of one database. Implemented by each dialect.</summary>
public interface IHistoryStore
{
    /// <summary>The configured (validated) table and schema.</summary>
    HistoryTableName Name { get; }

    /// <summary>
    /// Creates the schema (if named and missing), the history table and the audit table, idempotently. Called
    /// only while the migration lock is held, never by read-only commands.
    /// </summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    /// <summary>All rows, versioned ones by version. Returns an empty list when the table does not exist yet.</summary>
    Task<IReadOnlyList<AppliedMigration>> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies one change in its own transaction (with its audit row). Returns false, changing nothing, when the
    /// change's precondition does not hold (another process got there first).
    /// </summary>
    Task<bool> ApplyAsync(HistoryChange change, CancellationToken cancellationToken);

    /// <summary>The SQL that <see cref="ApplyAsync"/> would run, for <c>--dry-run</c> output.</summary>
    string Render(HistoryChange change);
}

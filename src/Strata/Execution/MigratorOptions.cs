using Strata.History;

namespace Strata.Execution;

/// <summary>Settings of a <see cref="Migrator"/> that hold for every command.</summary>
public sealed record MigratorOptions
{
    private readonly string? _environment;

    /// <summary>
    /// The environment (<c>production</c>, <c>development</c>, …). Migrations with <c>-- strata:env</c> run only when it
    /// is set and named by them: while it is not set (<see cref="EnvironmentIsSet"/> false, the default) every
    /// environment-gated migration is skipped, so demo data never reaches a database whose environment nobody declared.
    /// Reads <c>development</c> while unset (for display and strata.json sections).
    /// </summary>
    public string Environment
    {
        get => _environment ?? "development";
        init => _environment = value;
    }

    /// <summary>True when <see cref="Environment"/> was set; only then do <c>-- strata:env</c> migrations run.</summary>
    public bool EnvironmentIsSet => _environment is not null;

    /// <summary>The environment <c>-- strata:env</c> gates are judged against: <see cref="Environment"/> when set, else null.</summary>
    internal string? GateEnvironment => _environment;

    /// <summary>How long to wait for another runner's lock before giving up (exit 5).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The history table (and optional schema); <c>strata_migrations</c> in the default schema unless set.</summary>
    public HistoryTableName History { get; init; } = new();

    /// <summary>
    /// The server-side lock wait of transactional migration statements (PostgreSQL <c>lock_timeout</c>, default
    /// 5 s; null leaves the server's setting). See <see cref="SessionOptions.StatementLockTimeout"/>.
    /// </summary>
    public TimeSpan? StatementLockTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest one migration statement may run (PostgreSQL <c>statement_timeout</c>); null (default) for no limit.</summary>
    public TimeSpan? StatementTimeout { get; init; }

    /// <summary>
    /// How many times a transactional migration that failed on <see cref="StatementLockTimeout"/> (SQLSTATE 55P03) is
    /// tried again, after <see cref="RetryDelay"/>, doubling each time. Each retry is reported to the observer.
    /// </summary>
    public int LockRetries { get; init; } = 3;

    /// <summary>The pause before the first retry of a migration that timed out waiting for a table lock.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// What status, validate and dry runs of migrate do when the database does not exist yet (an SQLite file):
    /// <see cref="MissingDatabase.ReadAsEmpty"/> (the default: everything pending, nothing created) or
    /// <see cref="MissingDatabase.Refuse"/> ("database not found", as the CLI's status and validate do).
    /// Reading never creates a database: <see cref="MissingDatabase.Create"/> counts as ReadAsEmpty here. Writes
    /// (migrate, baseline, mark-applied) create it; undoing (rollback, mark-rolled-back, repair) always refuses.
    /// </summary>
    public MissingDatabase OnMissingDatabase { get; init; } = MissingDatabase.ReadAsEmpty;

    /// <summary>
    /// The options the engine opens its sessions with (history table, statement lock wait and statement timeout), for code
    /// that runs migration scripts beside a <see cref="Migrator"/> the same way (e.g. measured lint's probe).
    /// </summary>
    public SessionOptions Session => new() { History = History, StatementLockTimeout = StatementLockTimeout, StatementTimeout = StatementTimeout };
}

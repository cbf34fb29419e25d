namespace Strata.Configuration;

/// <summary>
/// What the command line gave: the top layer of configuration. The CLI fills it from its global options and passes
/// it to <see cref="ConfigurationResolver.Resolve"/>; a null member means "not given", so the lower layers
/// (environment variables, <c>.env</c>, <c>strata.json</c>, defaults) decide that value.
/// </summary>
/// <param name="Database"><c>--database</c>: a URL, keyword string or SQLite path. A password here draws a warning.</param>
/// <param name="ConfigFile"><c>--config</c>: the <c>strata.json</c> to read, relative to the working directory; it must exist.</param>
/// <param name="Environment"><c>--env</c>: the environment name.</param>
/// <param name="MigrationsPath"><c>--migrations</c>: the migrations folder, relative to the working directory.</param>
/// <param name="LockTimeout">How long to wait for the migration lock; must not be negative.</param>
/// <param name="HistoryTable">The history table name.</param>
/// <param name="HistorySchema">The history table's schema.</param>
/// <param name="StatementLockTimeout"><c>--statement-lock-timeout</c>: PostgreSQL lock_timeout for transactional migration statements (zero: none).</param>
/// <param name="StatementTimeout"><c>--statement-timeout</c>: PostgreSQL statement_timeout for migration statements (zero: none).</param>
/// <param name="LockRetries"><c>--lock-retries</c>: how often a migration that hit the statement lock timeout is tried again.</param>
/// <param name="LockKey"><c>--lock-key</c>: the advisory lock key, to share one lock between several history tables.</param>
public sealed record ConfigurationOverrides(
    string? Database = null,
    string? ConfigFile = null,
    string? Environment = null,
    string? MigrationsPath = null,
    TimeSpan? LockTimeout = null,
    string? HistoryTable = null,
    string? HistorySchema = null,
    TimeSpan? StatementLockTimeout = null,
    TimeSpan? StatementTimeout = null,
    int? LockRetries = null,
    long? LockKey = null)
{
    /// <summary>
    /// <c>--password-file</c>: a file holding the PostgreSQL password (one trailing newline ignored), relative to the
    /// working directory. It replaces any password the database setting carries; a missing or unreadable file is an
    /// error, a file others may read draws a warning. Null: not given.
    /// </summary>
    public string? PasswordFile { get; init; }

    /// <summary>
    /// <c>--require-tls</c>: true refuses (exit 5) a PostgreSQL connection to a non-loopback host whose sslmode does not
    /// require TLS, instead of warning. Null: not given (strata.json <c>requireTls</c> or false decides).
    /// </summary>
    public bool? RequireTls { get; init; }

    /// <summary>
    /// <c>--dev-database</c>: an empty PostgreSQL database (URL or keyword string) that diff, generate, push, dump,
    /// verify and lint may fill and empty again, instead of creating temporary databases. Null: not given.
    /// </summary>
    public string? DevDatabase { get; init; }

    /// <summary>No command-line options at all.</summary>
    public static ConfigurationOverrides None { get; } = new();

    /// <inheritdoc />
    public override string ToString() =>
        $"ConfigurationOverrides {{ Database = {(Database is null ? "null" : "(given)")}, ConfigFile = {ConfigFile}, "
        + $"Environment = {Environment}, MigrationsPath = {MigrationsPath}, LockTimeout = {LockTimeout}, "
        + $"HistoryTable = {HistoryTable}, HistorySchema = {HistorySchema}, StatementLockTimeout = {StatementLockTimeout}, "
        + $"StatementTimeout = {StatementTimeout}, LockRetries = {LockRetries}, LockKey = {LockKey}, "
        + $"PasswordFile = {PasswordFile}, RequireTls = {RequireTls}, DevDatabase = {(DevDatabase is null ? "null" : "(given)")} }}";
}

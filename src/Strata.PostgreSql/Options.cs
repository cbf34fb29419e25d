namespace Strata.PostgreSql;

/// <summary>
/// Tuning for <see cref="PostgreSqlDialect"/>, given by the CLI or a library caller; every property has a
/// sensible default, so <c>new PostgreSqlOptions()</c> (or null) is the common case.
/// </summary>
public sealed record PostgreSqlOptions
{
    /// <summary>
    /// The advisory lock key. Null (the default) derives it from the history table's schema and name, so two
    /// history tables in one database never block each other; set the same key on several projects to serialise them.
    /// </summary>
    public long? LockKey { get; init; }

    /// <summary>
    /// Schema per tenant: every connection's <c>search_path</c> is this schema alone, so the migrations' unqualified
    /// names resolve in it (it is created with the history table when the history lives there). Give the history table
    /// the same schema (<c>new HistoryTableName(schema: …)</c>) so each schema keeps its own history and lock. Null
    /// (default): the connection string's search path.
    /// </summary>
    public string? Schema { get; init; }

    /// <summary>The <c>application_name</c> sessions report (shown to a waiting runner as the lock holder), unless the connection string sets one.</summary>
    public string ApplicationName { get; init; } = "strata";

    /// <summary>
    /// The longest pause between two attempts to take the migration lock; polling starts at 50 ms and grows
    /// (with jitter) up to this. Default one second.
    /// </summary>
    public TimeSpan LockPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether the connections Strata opens from a connection string first read the database's types (Npgsql's
    /// type loading: one catalog query per run, the heaviest query of a no-op run, tens of milliseconds on a database
    /// with many tables). Default true, which C# migrations need when they read or write enums, composites or
    /// extension types (hstore, PostGIS) through Strata's connection. The CLI turns it off: it runs SQL text only.
    /// A <c>Server Compatibility Mode</c> in the connection string, or an application's own data source, decides instead.
    /// </summary>
    public bool LoadDatabaseTypes { get; init; } = true;
}

namespace Strata.Configuration;

/// <summary>
/// The options a <see cref="DialectSet"/> passes to the dialect it builds; <c>new DialectSettings()</c> gives each
/// dialect its own defaults (as <c>new PostgreSqlDialect(connectionString)</c> would).
/// </summary>
public sealed record DialectSettings
{
    /// <summary>PostgreSQL's advisory lock key; null (default) derives it from the history table.</summary>
    public long? LockKey { get; init; }

    /// <summary>
    /// How long a runner waits for another one: SQLite's busy timeout. Null (default) keeps the dialect's default
    /// (60 s).
    /// </summary>
    public TimeSpan? LockTimeout { get; init; }

    /// <summary>
    /// Whether PostgreSQL connections read the database's types first (Npgsql's type loading). Default true, which C#
    /// migrations using enums, composites or extension types need; the CLI, which runs SQL text only, turns it off.
    /// </summary>
    public bool LoadDatabaseTypes { get; init; } = true;

    /// <summary>
    /// PostgreSQL, schema per tenant: every connection's <c>search_path</c> is this schema alone (as
    /// <c>PostgreSqlOptions.Schema</c>). Null (default): the connection string's. SQLite has no schemas and refuses it.
    /// </summary>
    public string? Schema { get; init; }

    /// <summary>The lock key and lock timeout of resolved <paramref name="settings"/> (strata.json, environment, command line).</summary>
    public static DialectSettings From(StrataSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new DialectSettings { LockKey = settings.LockKey, LockTimeout = settings.LockTimeout };
    }
}

using Strata.Execution;

namespace Strata.Testing;

/// <summary>
/// How a test-database pool behaves. Passed by test code to <see cref="TestDatabases.ForPostgres"/> or
/// <see cref="TestDatabases.ForSqlite"/>; every property has a default that suits a typical test project.
/// </summary>
public sealed record TestDatabaseOptions
{
    /// <summary>
    /// How many clones a background task keeps ready ahead of demand (default 2; 0 turns the warm pool off, so
    /// every rent waits for its own <c>CREATE DATABASE</c>). Only PostgreSQL uses it; SQLite copies are cheap.
    /// </summary>
    public int WarmClones { get; init; } = 2;

    /// <summary>
    /// When true, a returned database is emptied (only the tables the test wrote to) and handed to the next test
    /// instead of being dropped: the mode for large schemas where a clone costs more than a reset.
    /// </summary>
    public bool ResetOnReturn { get; init; }

    /// <summary>
    /// The start of every clone's name (default <c>strata_test</c>); clones are named
    /// <c>&lt;prefix&gt;_p&lt;pid&gt;_&lt;token&gt;_&lt;n&gt;</c> so <c>strata test-db clean</c> can find the leftovers of dead processes.
    /// </summary>
    public string Prefix { get; init; } = "strata_test";

    /// <summary>How PostgreSQL copies the template (default: the server's default, WAL_LOG on PostgreSQL 15+).</summary>
    public CloneStrategy CloneStrategy { get; init; } = CloneStrategy.ServerDefault;

    /// <summary>The options the template is migrated with (environment, history table, lock timeout).</summary>
    public MigratorOptions Migrator { get; init; } = new();

    /// <summary>
    /// The character set the PostgreSQL template is created with (<c>ENCODING</c>, e.g. <c>UTF8</c>); every clone
    /// inherits it. Null (the default) takes the server's default, the encoding of <c>template0</c>. Part of the
    /// template's name, so templates of different encodings live side by side. SQLite ignores it. A name the server
    /// does not know fails the first rent with the server's error.
    /// </summary>
    public string? Encoding { get; init; }

    /// <summary>
    /// The collation and character classification the PostgreSQL template is created with (<c>LC_COLLATE</c> and
    /// <c>LC_CTYPE</c>, e.g. <c>C</c> for byte-order sorting that does not depend on the operating system's
    /// locales); every clone inherits it. Null (the default) takes the server's default. Part of the template's
    /// name, like <see cref="Encoding"/>. SQLite ignores it.
    /// </summary>
    public string? Locale { get; init; }
}

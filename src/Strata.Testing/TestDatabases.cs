using Strata.Configuration;
using Strata.Errors;
using Strata.Sources;

namespace Strata.Testing;

/// <summary>
/// Entry point of Strata.Testing: makes the pool a test project keeps for its whole run (usually one static
/// instance, or the xunit fixtures of Strata.Testing.Xunit). Nothing touches a database until the first
/// <see cref="ITestDatabasePool.EnsureTemplateAsync"/> or <see cref="ITestDatabasePool.RentAsync"/>.
/// </summary>
public static class TestDatabases
{
    /// <summary>
    /// PostgreSQL test databases on the server of <paramref name="adminConnectionString"/> (a role with CREATEDB;
    /// the database it names is only used to issue commands).
    /// </summary>
    public static PostgresTestDatabasePool ForPostgres(string adminConnectionString, IMigrationSource source, TestDatabaseOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminConnectionString);
        ArgumentNullException.ThrowIfNull(source);
        return new PostgresTestDatabasePool(adminConnectionString, source, options ?? new TestDatabaseOptions());
    }

    /// <summary>
    /// Empty PostgreSQL test databases on the server of <paramref name="adminConnectionString"/>: the template is
    /// created from <c>template0</c> with the encoding and locale of <paramref name="options"/> and not migrated, so a
    /// clone holds nothing (not even a history table). For testing code that creates its schema itself, such as a
    /// migration runner; the warm pool and the cleaning of leftovers work as with <see cref="ForPostgres"/>.
    /// <see cref="TestDatabaseOptions.Migrator"/> is not used.
    /// </summary>
    public static PostgresTestDatabasePool ForPostgresEmpty(string adminConnectionString, TestDatabaseOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminConnectionString);
        return new PostgresTestDatabasePool(adminConnectionString, null, options ?? new TestDatabaseOptions());
    }

    /// <summary>
    /// SQLite test databases as files in <paramref name="folder"/> (created if missing): a template file migrated
    /// once per migration set, and a copy of it per rent.
    /// </summary>
    public static SqliteTestDatabasePool ForSqlite(string folder, IMigrationSource source, TestDatabaseOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(source);
        return new SqliteTestDatabasePool(folder, source, options ?? new TestDatabaseOptions());
    }

    /// <summary>
    /// The server operations of <c>strata test-db</c> (template, create, drop, clean) on the server of a resolved
    /// <paramref name="target"/>, with the errors as the CLI reports them. A SQLite target is refused
    /// (<see cref="ErrorCategory.BadInput"/>): SQLite test databases are file copies made by <see cref="ForSqlite"/>.
    /// </summary>
    /// <param name="target">The configured database (e.g. from <see cref="ConfigurationResolver"/>); the role needs CREATEDB.</param>
    /// <param name="displayName">How messages name the database; default <see cref="DatabaseTarget.DisplayName"/>.</param>
    public static PostgresTestServer PostgresServer(DatabaseTarget target, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Dialect != Dialect.PostgreSql)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"test-db works on PostgreSQL; the configured database is {displayName ?? target.DisplayName}",
                "SQLite test databases are file copies: use TestDatabases.ForSqlite from the Strata.Testing package (docs/testing.md), or point DATABASE_URL at a PostgreSQL server");
        }

        return new PostgresTestServer(target.ConnectionString, displayName ?? target.DisplayName, "strata_test");
    }
}

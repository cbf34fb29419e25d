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
}

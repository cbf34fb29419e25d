using Strata.Sources;
using Strata.Testing.Xunit;
using Strata.TestSupport;

namespace Strata.Testing.Tests;

/// <summary>The fixture of the docs/testing.md example: one pool for the class, the template migrated once.</summary>
public sealed class ShopDatabase : TestDatabaseFixture
{
    private static readonly string MigrationsFolder = CreateMigrations();

    protected override ITestDatabasePool CreatePool() =>
        TestDatabases.ForPostgres(PostgresServer.SharedAsync().GetAwaiter().GetResult().ConnectionString, new DirectoryMigrationSource(MigrationsFolder));

    private static string CreateMigrations()
    {
        var folder = Directory.CreateTempSubdirectory("strata-shop-").FullName;
        File.WriteAllText(Path.Combine(folder, "001_customers.sql"), "CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL);\n");
        return folder;
    }
}

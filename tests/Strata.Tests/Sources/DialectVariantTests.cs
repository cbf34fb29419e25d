using Strata.Sources;

namespace Strata.Tests.Sources;

/// <summary>Issue 13 item 2: dialect variants of one migration in Strata's own layout (popx's rule).</summary>
public sealed class DialectVariantTests
{
    [Fact]
    public async Task Each_database_reads_its_dialects_file_as_the_migration()
    {
        using var folder = Folder();

        var postgres = await Load(folder, Dialect.PostgreSql);
        var sqlite = await Load(folder, Dialect.Sqlite);

        postgres.Select(m => m.DisplayName).ShouldBe(["001_schema", "002_seed", "003_index"]);
        Sql(postgres[0].Up).ShouldContain("uuid");
        Sql(postgres[0].Down).ShouldBe("DROP TABLE users;\n");
        postgres[0].SourcePath.ShouldBe(folder.Shown("001_schema.postgres.up.sql"));
        Sql(postgres[2].Up).ShouldContain("CONCURRENTLY");
        sqlite.Select(m => m.DisplayName).ShouldBe(["001_schema", "002_seed"]);
        Sql(sqlite[0].Up).ShouldContain("TEXT PRIMARY KEY");
    }

    [Fact]
    public async Task The_dialects_file_wins_over_the_file_without_a_dialect()
    {
        using var folder = new TempMigrationFolder()
            .Write("001_views.sql", "CREATE VIEW v AS SELECT 1 AS one;\n")
            .Write("001_views.sqlite.sql", "CREATE VIEW v AS SELECT 2 AS two;\n");

        var postgres = await Load(folder, Dialect.PostgreSql);
        var sqlite = await Load(folder, Dialect.Sqlite);

        Sql(postgres.ShouldHaveSingleItem().Up).ShouldContain("one");
        Sql(sqlite.ShouldHaveSingleItem().Up).ShouldContain("two");
    }

    private static TempMigrationFolder Folder() => new TempMigrationFolder()
        .Write("001_schema.postgres.up.sql", "CREATE TABLE users (id uuid PRIMARY KEY);\n")
        .Write("001_schema.postgres.down.sql", "DROP TABLE users;\n")
        .Write("001_schema.sqlite.up.sql", "CREATE TABLE users (id TEXT PRIMARY KEY);\n")
        .Write("001_schema.sqlite.down.sql", "DROP TABLE users;\n")
        .Write("001_schema.mysql.up.sql", "CREATE TABLE users (id char(36) PRIMARY KEY);\n")
        .Write("002_seed.sql", "INSERT INTO users VALUES ('a');\n")
        .Write("003_index.postgresql.sql", "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY users_id ON users (id);\n");

    private static Task<IReadOnlyList<Migration>> Load(TempMigrationFolder folder, Dialect dialect) =>
        new DirectoryMigrationSource(folder.Path).LoadAsync(dialect, CancellationToken.None);

    private static string Sql(MigrationScript? script) => script.ShouldBeOfType<SqlScript>().Sql;
}

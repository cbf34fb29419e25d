using Microsoft.Data.Sqlite;
using Strata.Conformance;
using Strata.Execution;
using Strata.Planning;

namespace Strata.Sqlite.Tests;

/// <summary>
/// Drizzle Kit and Prisma Migrate rebuild a table between <c>PRAGMA foreign_keys=OFF</c> and <c>=ON</c> in a file
/// without BEGIN/COMMIT; the <c>sqlite3</c> shell applies it with foreign keys off, so dropping the old parent table
/// deletes no child row. Inside Strata's transaction the file's PRAGMA is a no-op: Strata must turn them off itself.
/// </summary>
public sealed class ForeignKeysOffTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("strata-fk-").FullName;

    private string File => Path.Combine(_folder, "app.db");

    private const string Rebuild = """
        PRAGMA foreign_keys=OFF;--> statement-breakpoint
        CREATE TABLE `__new_parent` (`id` integer PRIMARY KEY NOT NULL, `name` text);
        --> statement-breakpoint
        INSERT INTO `__new_parent`("id") SELECT "id" FROM `parent`;--> statement-breakpoint
        DROP TABLE `parent`;--> statement-breakpoint
        ALTER TABLE `__new_parent` RENAME TO `parent`;--> statement-breakpoint
        PRAGMA foreign_keys=ON;
        """;

    private static MigrationSet Set() => new MigrationSet()
        .Add(1, "init", """
            CREATE TABLE parent (id integer PRIMARY KEY NOT NULL);
            CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent(id) ON DELETE CASCADE);
            INSERT INTO parent VALUES (1);
            INSERT INTO child VALUES (1, 1);
            """)
        .Add(2, "rebuild", Rebuild);

    [Fact]
    public async Task A_table_rebuild_between_foreign_keys_off_and_on_keeps_the_child_rows()
    {
        await new Migrator(new SqliteDialect(File), Set()).MigrateAsync(new MigrateOptions());

        (await ScalarAsync("SELECT count(*) FROM child")).ShouldBe(1L, "dropping the old parent cascaded into child: the file's PRAGMA foreign_keys=OFF was ignored");
    }

    [Fact]
    public async Task Foreign_keys_are_enforced_again_in_the_migrations_after_a_rebuild()
    {
        var set = Set().Add(3, "orphan", "INSERT INTO child VALUES (2, 99);");

        await Should.ThrowAsync<Errors.MigrationFailedException>(() => new Migrator(new SqliteDialect(File), set).MigrateAsync(new MigrateOptions()));

        (await ScalarAsync("SELECT count(*) FROM child")).ShouldBe(1L);
    }

    [Fact]
    public async Task A_dry_run_shows_foreign_keys_turned_off_around_the_rebuilds_transaction()
    {
        var plan = await new Migrator(new SqliteDialect(File), Set()).PlanAsync(new MigrateOptions());

        plan.Steps[1].Sql!.ShouldStartWith("PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE;");
        plan.Steps[1].Sql!.ShouldEndWith("COMMIT;\nPRAGMA foreign_keys = ON;");
        plan.Steps[0].Sql!.ShouldStartWith("BEGIN IMMEDIATE;");
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

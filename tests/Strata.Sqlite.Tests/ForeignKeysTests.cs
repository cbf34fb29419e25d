using Microsoft.Data.Sqlite;
using Strata.Conformance;
using Strata.Execution;
using Strata.Planning;

namespace Strata.Sqlite.Tests;

/// <summary>
/// Foreign keys in SQLite migrations (ADR 029, ADR 032): off by default, as the <c>sqlite3</c> shell runs a file, so a
/// table rebuild that drops the old parent deletes or nulls nothing; a file's own <c>PRAGMA foreign_keys = OFF/ON</c>
/// (a no-op inside Strata's transaction) is applied around the transaction; with <see cref="SqliteOptions.ForeignKeys"/>
/// a failure on rows already orphaned names them.
/// </summary>
public sealed class ForeignKeysTests : IDisposable
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

    /// <summary>DataGrip's rebuild as homebox ships it: the new table references the old one by name, no PRAGMA.</summary>
    private const string RebuildWithoutPragma = """
        CREATE TABLE items_tmp (id integer PRIMARY KEY, thumbnail integer REFERENCES items ON DELETE SET NULL);
        INSERT INTO items_tmp (id, thumbnail) SELECT id, thumbnail FROM items;
        DROP TABLE items;
        ALTER TABLE items_tmp RENAME TO items;
        """;

    private SqliteDialect Enforcing() => new(File, new SqliteOptions { ForeignKeys = true });

    [Fact]
    public async Task A_rebuild_without_a_pragma_keeps_the_references_as_sqlite3_does()
    {
        var set = new MigrationSet()
            .Add(1, "init", "CREATE TABLE items (id integer PRIMARY KEY, thumbnail integer REFERENCES items ON DELETE SET NULL); INSERT INTO items VALUES (1, NULL), (2, 1);")
            .Add(2, "rebuild", RebuildWithoutPragma);

        await new Migrator(new SqliteDialect(File), set).MigrateAsync(new MigrateOptions());

        (await ScalarAsync("SELECT thumbnail FROM items WHERE id = 2")).ShouldBe(1L, "dropping the old table set the new table's reference to NULL: foreign keys were enforced by default");
    }

    [Fact]
    public async Task A_file_that_turns_foreign_keys_on_runs_with_them_enforced()
    {
        var set = Set().Add(3, "orphan", "PRAGMA foreign_keys = ON;\nINSERT INTO child VALUES (2, 99);");

        var failure = await Should.ThrowAsync<Errors.MigrationFailedException>(() => new Migrator(new SqliteDialect(File), set).MigrateAsync(new MigrateOptions()));

        failure.Hint.ShouldNotBeNull().ShouldContain("references a parent row that does not exist");
        (await ScalarAsync("SELECT count(*) FROM child")).ShouldBe(1L);
    }

    [Fact]
    public async Task Enforced_foreign_keys_name_the_rows_already_orphaned_when_a_copy_fails()
    {
        var set = new MigrationSet()
            .Add(1, "init", "CREATE TABLE parent (id integer PRIMARY KEY); CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id));")
            .Add(2, "orphans", "INSERT INTO child VALUES (7, 99), (8, 98);")
            .Add(3, "rebuild", "CREATE TABLE child_new (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id)); INSERT INTO child_new SELECT * FROM child; DROP TABLE child; ALTER TABLE child_new RENAME TO child;");
        await new Migrator(new SqliteDialect(File), set).MigrateAsync(new MigrateOptions { Target = 2 });

        var failure = await Should.ThrowAsync<Errors.MigrationFailedException>(() => new Migrator(Enforcing(), set).MigrateAsync(new MigrateOptions()));

        failure.Hint.ShouldNotBeNull().ShouldContain("child has 2 rows whose parent row is missing (rowid 7, 8)");
    }

    [Fact]
    public async Task A_table_rebuild_between_foreign_keys_off_and_on_keeps_the_child_rows()
    {
        await new Migrator(Enforcing(), Set()).MigrateAsync(new MigrateOptions());

        (await ScalarAsync("SELECT count(*) FROM child")).ShouldBe(1L, "dropping the old parent cascaded into child: the file's PRAGMA foreign_keys=OFF was ignored");
    }

    [Fact]
    public async Task Foreign_keys_are_enforced_again_in_the_migrations_after_a_rebuild()
    {
        var set = Set().Add(3, "orphan", "INSERT INTO child VALUES (2, 99);");

        await Should.ThrowAsync<Errors.MigrationFailedException>(() => new Migrator(Enforcing(), set).MigrateAsync(new MigrateOptions()));

        (await ScalarAsync("SELECT count(*) FROM child")).ShouldBe(1L);
    }

    [Fact]
    public async Task A_dry_run_by_default_adds_no_pragma_to_a_rebuild_that_turns_them_off()
    {
        var plan = await new Migrator(new SqliteDialect(File), Set()).PlanAsync(new MigrateOptions());

        plan.Steps[1].Sql!.ShouldStartWith("BEGIN IMMEDIATE;");
        plan.Steps[1].Sql!.ShouldEndWith("COMMIT;");
    }

    [Fact]
    public async Task A_dry_run_shows_foreign_keys_turned_off_around_the_rebuilds_transaction()
    {
        var plan = await new Migrator(Enforcing(), Set()).PlanAsync(new MigrateOptions());

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

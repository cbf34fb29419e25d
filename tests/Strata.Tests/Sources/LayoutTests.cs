using Strata.Errors;
using Strata.Sources;
using Strata.Sources.Layouts;
using Strata.Sql;

namespace Strata.Tests.Sources;

/// <summary>Issue 13 item 2: each tool's folder, written in that tool's documented format, read in place.</summary>
public sealed class LayoutTests
{
    [Fact]
    public async Task Golang_migrate_pairs_up_and_down_files_whatever_their_name_characters()
    {
        using var folder = new TempMigrationFolder()
            .Write("000001_create-users.up.sql", "CREATE TABLE users (id int);\n")
            .Write("000001_create-users.down.sql", "DROP TABLE users;\n")
            .Write("000002_1.7.0_schema.up.sql", "BEGIN;\nALTER TABLE users ADD email text;\nCOMMIT;\n");

        var migrations = await Load(folder, MigrationLayout.GolangMigrate);

        migrations.Select(m => m.DisplayName).ShouldBe(["000001_create-users", "000002_1.7.0_schema"]);
        Sql(migrations[0].Down).ShouldBe("DROP TABLE users;\n");
        migrations[1].Down.ShouldBeNull();
        migrations[1].Up.Transactional.ShouldBeTrue("golang-migrate projects wrap files in BEGIN/COMMIT; the wrapper is dropped");
    }

    [Fact]
    public async Task Dbmate_sections_and_transaction_false_are_read_and_lines_stay_the_files()
    {
        using var folder = new TempMigrationFolder()
            .Write("20151129054053_create_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n\n-- migrate:down\nDROP TABLE users;\n")
            .Write("20200227231541_index.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_id ON users (id);\n\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY users_id;\n");

        var migrations = await Load(folder, MigrationLayout.Dbmate);

        migrations.Select(m => m.Version).ShouldBe([20151129054053L, 20200227231541L]);
        Statements(migrations[0].Up).ShouldHaveSingleItem().Line.ShouldBe(2);
        Statements(migrations[0].Down).ShouldHaveSingleItem().Line.ShouldBe(5);
        (migrations[1].Up.Transactional, migrations[1].Down!.Transactional).ShouldBe((false, false));
    }

    [Fact]
    public async Task Goose_sections_statement_blocks_and_no_transaction_are_read()
    {
        using var folder = new TempMigrationFolder()
            .Write("00001_create_users.sql", "-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE users (id int);\n-- +goose StatementEnd\n\n-- +goose Down\nDROP TABLE users;\n")
            .Write("00002_index.sql", "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY users_id ON users (id);\n\n-- +goose Down\nDROP INDEX CONCURRENTLY users_id;\n");

        var migrations = await Load(folder, MigrationLayout.Goose);

        Statements(migrations[0].Up).ShouldHaveSingleItem().Text.ShouldBe("CREATE TABLE users (id int)");
        Sql(migrations[0].Down).ShouldContain("DROP TABLE users;");
        (migrations[1].Up.Transactional, migrations[1].Down!.Transactional).ShouldBe((false, false));
    }

    [Fact]
    public async Task Node_pg_migrate_sql_files_split_at_their_comments()
    {
        using var folder = new TempMigrationFolder()
            .Write("1700000000000_init.sql", "-- Up Migration\nCREATE TABLE t (id int);\n\n-- Down Migration\nDROP TABLE t;\n")
            .Write("1700000000001_only_up.sql", "CREATE TABLE u (id int);\n");

        var migrations = await Load(folder, MigrationLayout.NodePgMigrate);

        Statements(migrations[0].Up).ShouldHaveSingleItem().Text.ShouldBe("CREATE TABLE t (id int)");
        Statements(migrations[0].Down).ShouldHaveSingleItem().Text.ShouldBe("DROP TABLE t");
        migrations[1].Down.ShouldBeNull();
    }

    [Fact]
    public async Task Sql_migrate_collects_every_up_and_down_section_and_reads_notransaction()
    {
        using var folder = new TempMigrationFolder()
            .Write("1677078479.sql", "-- +migrate Up\nCREATE SCHEMA app;\n\n-- +migrate Down\nDROP SCHEMA app;\n\n-- +migrate Up\nCREATE TABLE app.t (id int);\n\n-- +migrate Down\nDROP TABLE app.t;\n")
            .Write("1677770163_index.sql", "-- +migrate Up notransaction\nCREATE INDEX CONCURRENTLY i ON app.t (id);\n\n-- +migrate Down\n-- +migrate StatementBegin\nDO $$ BEGIN DROP INDEX app.i; END $$;\n-- +migrate StatementEnd\n");

        var migrations = await Load(folder, MigrationLayout.SqlMigrate);

        migrations.Select(m => m.DisplayName).ShouldBe(["1677078479", "1677770163_index"]);
        Statements(migrations[0].Up).Select(s => (s.Text, s.Line)).ShouldBe([("CREATE SCHEMA app", 2), ("CREATE TABLE app.t (id int)", 8)]);
        Statements(migrations[0].Down).Select(s => s.Text).ShouldBe(["DROP SCHEMA app", "DROP TABLE app.t"]);
        (migrations[1].Up.Transactional, migrations[1].Down!.Transactional).ShouldBe((false, true));
    }

    [Fact]
    public async Task Flyway_orders_dotted_versions_pairs_undo_scripts_and_keeps_repeatables_last()
    {
        using var folder = new TempMigrationFolder()
            .Write("V2__more.sql", "CREATE TABLE b (id int);\n")
            .Write("U2__more.sql", "DROP TABLE b;\n")
            .Write("V1_1__add_column.sql", "ALTER TABLE a ADD c int;\n")
            .Write("V1__init.sql", "CREATE TABLE a (id int);\n")
            .Write("V1.10__later.sql", "SELECT 1;\n")
            .Write("R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1 AS one;\n");

        var migrations = await Load(folder, MigrationLayout.Flyway);

        migrations.Select(m => m.VersionText).ShouldBe(["1", "1_1", "1.10", "2", ""]);
        migrations.Select(m => m.Name).ShouldBe(["init", "add column", "later", "more", "views"]);
        migrations[3].Down.ShouldNotBeNull();
        migrations[4].Kind.ShouldBe(MigrationKind.Repeatable);
    }

    [Fact]
    public async Task Prisma_reads_each_folders_migration_sql_in_folder_order()
    {
        using var folder = new TempMigrationFolder()
            .Write("migration_lock.toml", "provider = \"postgresql\"\n")
            .Folder("20231106120154_embeds").Write("20231106120154_embeds/migration.sql", "-- AlterTable\nALTER TABLE \"User\" ADD \"embeds\" JSONB;\n")
            .Folder("20230406064219_init").Write("20230406064219_init/migration.sql", "-- CreateTable\nCREATE TABLE \"User\" (\"id\" TEXT NOT NULL);\n");

        var migrations = await Load(folder, MigrationLayout.Prisma);

        migrations.Select(m => m.DisplayName).ShouldBe(["20230406064219_init", "20231106120154_embeds"]);
        migrations.ShouldAllBe(m => m.Down == null);
    }

    [Fact]
    public async Task Diesel_keeps_its_text_order_across_version_widths_and_reads_run_in_transaction()
    {
        using var folder = new TempMigrationFolder()
            .Folder("00000000000000_diesel_initial_setup").Write("00000000000000_diesel_initial_setup/up.sql", "SELECT 1;\n")
            .Write("00000000000000_diesel_initial_setup/down.sql", "-- This file should undo anything in `up.sql`\n")
            .Folder("2024-10-25-112826_make_unique").Write("2024-10-25-112826_make_unique/up.sql", "CREATE INDEX CONCURRENTLY i ON t (a);\n")
            .Write("2024-10-25-112826_make_unique/down.sql", "DROP INDEX CONCURRENTLY i;\n")
            .Write("2024-10-25-112826_make_unique/metadata.toml", "run_in_transaction = false\n")
            .Folder("2023-01-01-000000-0000_older").Write("2023-01-01-000000-0000_older/up.sql", "SELECT 2;\n")
            .Folder("2017-09-23-182408_dashed").Write("2017-09-23-182408_dashed/up.sql", "SELECT 3;\n")
            .Folder("20170804200817_plain").Write("20170804200817_plain/up.sql", "SELECT 4;\n");

        var migrations = await Load(folder, MigrationLayout.Diesel);

        migrations.Select(m => m.VersionText).ShouldBe(["00000000000000", "20170804200817", "2017-09-23-182408", "2023-01-01-000000-0000", "2024-10-25-112826"],
            "by version, as Diesel orders them (crates.io has both forms), not by folder name");
        Statements(migrations[0].Down).ShouldBeEmpty("diesel's generated down file is a comment: a no-op rollback");
        (migrations[4].Up.Transactional, migrations[4].Down!.Transactional).ShouldBe((false, false));
    }

    [Fact]
    public async Task Drizzle_follows_its_journal_and_its_breakpoints_are_comments()
    {
        using var folder = new TempMigrationFolder()
            .Write("0000_reflective_puck.sql", "CREATE TABLE \"a\" (\"id\" serial PRIMARY KEY);\n--> statement-breakpoint\nCREATE TABLE \"b\" (\"id\" serial PRIMARY KEY);\n")
            .Write("0001_striped_tattoo.sql", "ALTER TABLE \"a\" ADD COLUMN \"n\" text;")
            .Write("0002_not_in_journal.sql", "SELECT 1;")
            .Folder("meta").Write("meta/_journal.json", """
                {"version":"7","dialect":"postgresql","entries":[
                  {"idx":0,"version":"7","when":1700000000000,"tag":"0000_reflective_puck","breakpoints":true},
                  {"idx":1,"version":"7","when":1700000001000,"tag":"0001_striped_tattoo","breakpoints":true}]}
                """);

        var migrations = await Load(folder, MigrationLayout.Drizzle);

        migrations.Select(m => (m.Version, m.DisplayName)).ShouldBe([((long?)0, "0000_reflective_puck"), (1, "0001_striped_tattoo")]);
        Statements(migrations[0].Up).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Popx_picks_the_dialects_file_over_the_generic_one_and_reads_autocommit()
    {
        using var folder = new TempMigrationFolder()
            .Write("20150100000001000000_networks.postgres.up.sql", "CREATE TABLE networks (id uuid);\n")
            .Write("20150100000001000000_networks.postgres.down.sql", "DROP TABLE networks;\n")
            .Write("20150100000001000000_networks.mysql.up.sql", "CREATE TABLE networks (id char(36));\n")
            .Write("20150100000001000000_networks.sqlite3.up.sql", "CREATE TABLE networks (id text);\n")
            .Write("20150100000001000001_seed.up.sql", "SELECT 1;\n")
            .Write("20150100000001000001_seed.down.sql", "\n")
            .Write("20150100000001000002_index.postgres.autocommit.up.sql", "CREATE INDEX CONCURRENTLY i ON networks (id);\n");

        var postgres = await Load(folder, MigrationLayout.Popx);
        var sqlite = await Load(folder, MigrationLayout.Popx, Dialect.Sqlite);

        postgres.Select(m => m.Name).ShouldBe(["networks", "seed", "index"]);
        Sql(postgres[0].Up).ShouldContain("uuid");
        postgres[1].Down.ShouldBeNull("an empty down file is no down script");
        postgres[2].Up.Transactional.ShouldBeFalse();
        sqlite.Select(m => m.Name).ShouldBe(["networks", "seed"]);
        Sql(sqlite[0].Up).ShouldContain("text");
    }

    [Fact]
    public async Task Sqlx_reads_simple_files_with_any_description_reversible_pairs_and_no_transaction()
    {
        using var folder = new TempMigrationFolder()
            .Write("20210422143411_create_history.sql", "CREATE TABLE history (id text);\n")
            .Write("20220505083406_create-events.sql", "-- no-transaction\nCREATE TABLE events (id text);\n")
            .Write("20230101000000_add-index.up.sql", "CREATE INDEX h ON history (id);\n")
            .Write("20230101000000_add-index.down.sql", "DROP INDEX h;\n");

        var migrations = await Load(folder, MigrationLayout.Sqlx, Dialect.Sqlite);

        migrations.Select(m => (m.Version, m.Name)).ShouldBe([((long?)20210422143411, "create_history"), (20220505083406, "create-events"), (20230101000000, "add-index")]);
        (migrations[0].Up.Transactional, migrations[1].Up.Transactional).ShouldBe((true, false));
        migrations[0].Down.ShouldBeNull();
        Sql(migrations[2].Down).ShouldBe("DROP INDEX h;\n");
    }

    [Fact]
    public async Task Auto_detection_reads_an_sqlx_folder_whose_descriptions_have_hyphens()
    {
        using var folder = new TempMigrationFolder()
            .Write("20231203124112_create-store.sql", "CREATE TABLE store (id text);\n")
            .Write("20240108124830_create-history.sql", "CREATE TABLE history (id text);\n");

        var migrations = await new DirectoryMigrationSource(folder.Path) { DetectLayout = true }.LoadAsync(Dialect.Sqlite, CancellationToken.None);

        migrations.Select(m => m.DisplayName).ShouldBe(["20231203124112_create-store", "20240108124830_create-history"]);
    }

    [Fact]
    public async Task A_strata_file_with_a_hyphen_in_its_slug_is_not_taken_for_sqlx()
    {
        using var folder = new TempMigrationFolder().Write("1_add-users.sql", "CREATE TABLE users (id int);\n-- strata:down\nDROP TABLE users;\n");

        var error = await Should.ThrowAsync<MigrationSourceException>(
            () => new DirectoryMigrationSource(folder.Path) { DetectLayout = true }.LoadAsync(Dialect.Sqlite, CancellationToken.None));

        error.Problems.ShouldHaveSingleItem().Message.ShouldContain("may contain only letters, digits and underscores");
    }

    [Fact]
    public async Task Another_tools_folder_read_as_strata_names_the_layout_and_the_setting()
    {
        using var folder = new TempMigrationFolder().Write("20151129054053_create-users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\nDROP TABLE users;\n");

        var problems = await folder.ProblemsAsync();

        problems[0].Message.ShouldContain("laid out the way dbmate writes them");
        problems[0].Message.ShouldContain("\"layout\": \"dbmate\" in strata.json");
    }

    [Fact]
    public async Task Auto_detection_reads_a_prisma_folder()
    {
        using var folder = new TempMigrationFolder().Folder("20230406064219_init").Write("20230406064219_init/migration.sql", "CREATE TABLE t (id int);\n");

        var migrations = await new DirectoryMigrationSource(folder.Path) { DetectLayout = true }.LoadAsync(Dialect.PostgreSql, CancellationToken.None);

        migrations.ShouldHaveSingleItem().DisplayName.ShouldBe("20230406064219_init");
    }

    [Fact]
    public async Task A_layouts_sql_problem_names_the_tools_file_line_and_column()
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", "-- migrate:up\nSELECT 1;\n\\i other.sql\n-- migrate:down\n");

        var error = await Should.ThrowAsync<MigrationSourceException>(() => Load(folder, MigrationLayout.Dbmate));

        error.Problems.ShouldHaveSingleItem().Location.ShouldBe(folder.Shown("1_x.sql") + ":3:1");
    }

    private static Task<IReadOnlyList<Migration>> Load(TempMigrationFolder folder, MigrationLayout layout, Dialect dialect = Dialect.PostgreSql) =>
        new DirectoryMigrationSource(folder.Path) { Layout = layout }.LoadAsync(dialect, CancellationToken.None);

    private static string Sql(MigrationScript? script) => script.ShouldBeOfType<SqlScript>().Sql;

    private static IReadOnlyList<SqlStatement> Statements(MigrationScript? script) => SqlSplitter.Split(Sql(script), Dialect.PostgreSql);
}

using System.Security.Cryptography;
using System.Text;

namespace Strata.Cli.Tests.Adopt;

/// <summary>
/// Issue 14 on SQLite for the tools npm does not reach here (Prisma's engine downloads from binaries.prisma.sh; golang-migrate,
/// goose, sqlx and Diesel are Go and Rust programs): each history is created with the exact DDL the tool's SQLite driver
/// writes (sources cited) and the rows it writes, then guarded, adopted and continued as with the real tools.
/// </summary>
public sealed class SqliteAdoptHistoryTableTests
{
    // prisma-engines schema-engine/connectors/sql-schema-connector (SQLite flavour, create_migrations_table); Prisma writes times as epoch milliseconds.
    private const string PrismaTable = """
        CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
          "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)
        """;

    // golang-migrate database/sqlite3/sqlite3.go ensureVersionTable; SetVersion writes (version, dirty) with Go's bool, stored as 0/1.
    private const string GolangMigrateTable = "CREATE TABLE IF NOT EXISTS schema_migrations (version uint64,dirty bool); CREATE UNIQUE INDEX IF NOT EXISTS version_unique ON schema_migrations (version)";

    // goose internal/dialect/dialectquery/sqlite3.go CreateTable; goose inserts version 0 first (is_applied 1).
    private const string GooseTable = "CREATE TABLE goose_db_version (id INTEGER PRIMARY KEY AUTOINCREMENT, version_id INTEGER NOT NULL, is_applied INTEGER NOT NULL, tstamp TIMESTAMP DEFAULT (datetime('now')))";

    // diesel_migrations/src/migration/setup_migration_table.sql.
    private const string DieselTable = "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)";

    // sqlx-sqlite/src/migrate.rs ensure_migrations_table; checksum = SHA-384 of the file (sqlx-core migrate/migration.rs).
    public const string SqlxTable = """
        CREATE TABLE IF NOT EXISTS _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
          success BOOLEAN NOT NULL, checksum BLOB NOT NULL, execution_time BIGINT NOT NULL)
        """;

    private const string Users = "CREATE TABLE users (id integer);\n";

    [Fact]
    public async Task Prisma_sqlite_history_is_adopted_by_folder_name_and_sha256()
    {
        using var workspace = new Workspace();
        Directory.CreateDirectory(Path.Combine(workspace.Migrations, "20240101000000_init"));
        workspace.Write("20240101000000_init/migration.sql", Users);
        SqliteAdoption.Config(workspace, "prisma");
        await SqliteAdoption.ExecuteAsync(workspace, $"""
            {PrismaTable};
            INSERT INTO _prisma_migrations VALUES ('5c1e', '{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(Users)))}', 1700000000100, '20240101000000_init', NULL, NULL, 1700000000000, 1);
            {Users}
            """);

        var adopted = await SqliteAdoption.AdoptAndContinueAsync(workspace, "_prisma_migrations", "prisma", ["20240101000000_init"]);
        var before = await SqliteAdoption.TableTextAsync(workspace, "_prisma_migrations");
        Directory.CreateDirectory(Path.Combine(workspace.Migrations, "20240201000000_email"));
        workspace.Write("20240201000000_email/migration.sql", "ALTER TABLE users ADD email text;\n");
        var migrate = await workspace.Cli().RunAsync("migrate");

        adopted.ShouldContain("SHA-256 matches");
        migrate.ExitCode.ShouldBe(0, "Prisma's layout is up only, so the next migration applies (no rollback): " + migrate);
        migrate.Stdout.ShouldContain("Applied 1 migration");
        (await SqliteAdoption.TableTextAsync(workspace, "_prisma_migrations")).ShouldBe(before);
    }

    [Fact]
    public async Task Prisma_sqlite_unfinished_migration_is_refused_naming_prisma_migrate_resolve()
    {
        using var workspace = new Workspace();
        SqliteAdoption.Config(workspace, "prisma");
        await SqliteAdoption.ExecuteAsync(workspace, $"{PrismaTable}; INSERT INTO _prisma_migrations VALUES ('5c1e', 'ab', NULL, '20240101000000_init', 'failed', NULL, 1700000000000, 0)");

        var status = await workspace.Cli().RunAsync("status");
        var adopt = await workspace.Cli().RunAsync("adopt");

        status.ExitCode.ShouldBe(2, status.ToString());
        status.Stderr.ShouldContain("_prisma_migrations (prisma: a failed or locked run)");
        adopt.ExitCode.ShouldBe(2, adopt.ToString());
        adopt.Stderr.ShouldContain("npx prisma migrate resolve --rolled-back 20240101000000_init");
    }

    [Fact]
    public async Task Golang_migrate_sqlite_watermark_is_adopted_and_dirty_is_refused()
    {
        using var workspace = new Workspace()
            .Write("1_users.up.sql", Users).Write("1_users.down.sql", "DROP TABLE users;\n")
            .Write("2_email.up.sql", "ALTER TABLE users ADD email text;\n").Write("2_email.down.sql", "ALTER TABLE users DROP COLUMN email;\n");
        SqliteAdoption.Config(workspace, "golang-migrate");
        await SqliteAdoption.ExecuteAsync(workspace, $"{GolangMigrateTable}; INSERT INTO schema_migrations VALUES (2, 1); CREATE TABLE users (id integer, email text)");

        var dirty = await workspace.Cli().RunAsync("adopt");
        await SqliteAdoption.ExecuteAsync(workspace, "UPDATE schema_migrations SET dirty = 0");

        dirty.ExitCode.ShouldBe(2, dirty.ToString());
        dirty.Stderr.ShouldContain("golang-migrate marks version 2 dirty");
        dirty.Stderr.ShouldContain("`migrate force 2`");
        await SqliteAdoption.AdoptAndContinueAsync(workspace, "schema_migrations", "golang-migrate", ["1_users", "2_email"],
            ("3_name.up.sql", "ALTER TABLE users ADD name text;\n"), ("3_name.down.sql", "ALTER TABLE users DROP COLUMN name;\n"));
    }

    [Fact]
    public async Task Goose_sqlite_history_takes_the_newest_row_of_each_version()
    {
        using var workspace = new Workspace()
            .Write("00001_users.sql", "-- +goose Up\nCREATE TABLE users (id integer);\n-- +goose Down\nDROP TABLE users;\n")
            .Write("00002_email.sql", "-- +goose Up\nALTER TABLE users ADD email text;\n-- +goose Down\nALTER TABLE users DROP COLUMN email;\n");
        SqliteAdoption.Config(workspace, "goose");
        // Version 2 applied, rolled back (is_applied 0, as older goose wrote) and applied again: its newest row says applied.
        await SqliteAdoption.ExecuteAsync(workspace, $"{GooseTable}; INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, 1), (1, 1), (2, 1), (2, 0), (2, 1); CREATE TABLE users (id integer, email text)");

        await SqliteAdoption.AdoptAndContinueAsync(workspace, "goose_db_version", "goose", ["00001_users", "00002_email"],
            ("00003_name.sql", "-- +goose Up\nALTER TABLE users ADD name text;\n-- +goose Down\nALTER TABLE users DROP COLUMN name;\n"));
    }

    [Fact]
    public async Task Diesel_sqlite_history_is_adopted_by_version_without_dashes()
    {
        using var workspace = new Workspace();
        Directory.CreateDirectory(Path.Combine(workspace.Migrations, "2024-01-01-000000_users"));
        workspace.Write("2024-01-01-000000_users/up.sql", Users).Write("2024-01-01-000000_users/down.sql", "DROP TABLE users;\n");
        SqliteAdoption.Config(workspace, "diesel");
        await SqliteAdoption.ExecuteAsync(workspace, $"{DieselTable}; INSERT INTO __diesel_schema_migrations (version) VALUES ('20240101000000'); {Users}");

        await SqliteAdoption.AdoptAndContinueAsync(workspace, "__diesel_schema_migrations", "diesel", ["2024-01-01-000000_users"],
            ("2024-02-01-000000_email/up.sql", "ALTER TABLE users ADD email text;\n"), ("2024-02-01-000000_email/down.sql", "ALTER TABLE users DROP COLUMN email;\n"));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

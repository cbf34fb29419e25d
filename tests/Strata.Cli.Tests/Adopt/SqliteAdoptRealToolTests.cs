using Strata.TestSupport;

namespace Strata.Cli.Tests.Adopt;

/// <summary>
/// Issue 14 on SQLite with the real tools (tests/install-node-tools.sh): Knex and Drizzle through better-sqlite3, and
/// dbmate's own binary write their history into an SQLite file; then `strata status` refuses (exit 2, naming the tool
/// and `strata adopt`), and after `strata adopt` status is clean, a new migration applies and rolls back, and the old
/// table is unchanged row for row.
/// </summary>
public sealed class SqliteAdoptRealToolTests
{
    [Fact]
    public async Task Knex_sqlite_history_is_adopted_as_a_baseline_at_its_newest_migration()
    {
        using var workspace = KnexProject();
        File.WriteAllText(Path.Combine(workspace.Root, "knex", "20240215093000_create_posts.js"),
            "exports.up = k => k.schema.createTable('posts', t => { t.increments('id'); });\nexports.down = k => k.schema.dropTable('posts');\n");
        NodeTools.Run("knex", workspace.Root, SqliteAdoption.File(workspace), "migrate:latest", "--knexfile", "knexfile.js");

        var adopted = await SqliteAdoption.AdoptAndContinueAsync(workspace, "knex_migrations", "knex", ["baseline 20240215093000"],
            ("20250101000000_add_email.sql", "ALTER TABLE users ADD email text;\n-- strata:down\nALTER TABLE users DROP COLUMN email;\n"));

        adopted.ShouldContain("2 knex migration(s), newest 20240215093000_create_posts.js: code Strata does not run, recorded as a baseline");
        (await SqliteAdoption.TableTextAsync(workspace, "knex_migrations_lock")).ShouldBe("INTEGER:1|INTEGER:0");
    }

    [Fact]
    public async Task Knex_sqlite_lock_held_is_refused_naming_knex_migrate_unlock()
    {
        using var workspace = KnexProject();
        NodeTools.Run("knex", workspace.Root, SqliteAdoption.File(workspace), "migrate:latest", "--knexfile", "knexfile.js");
        await SqliteAdoption.ExecuteAsync(workspace, "UPDATE knex_migrations_lock SET is_locked = 1");

        var adopt = await workspace.Cli().RunAsync("adopt");

        adopt.ExitCode.ShouldBe(2, adopt.ToString());
        adopt.Stderr.ShouldContain("Knex's lock is held");
        adopt.Stderr.ShouldContain("npx knex migrate:unlock");
        (await SqliteAdoption.TableTextAsync(workspace, "sqlite_master WHERE name = 'strata_migrations'")).ShouldBeEmpty("nothing was written");
    }

    [Fact]
    public async Task Dbmate_sqlite_history_is_adopted_version_by_version()
    {
        using var workspace = new Workspace()
            .Write("20240101000000_create_users.sql", "-- migrate:up\nCREATE TABLE users (id integer);\n\n-- migrate:down\nDROP TABLE users;\n");
        SqliteAdoption.Config(workspace, "dbmate");
        NodeTools.Run("dbmate", workspace.Root, workspace.Database, "--migrations-dir", "migrations", "--no-dump-schema", "up");

        await SqliteAdoption.AdoptAndContinueAsync(workspace, "schema_migrations", "dbmate", ["20240101000000_create_users"],
            ("20240201000000_add_email.sql", "-- migrate:up\nALTER TABLE users ADD email text;\n\n-- migrate:down\nALTER TABLE users DROP COLUMN email;\n"));
    }

    [Fact]
    public async Task Drizzle_sqlite_history_is_adopted_by_its_hashes()
    {
        using var workspace = new Workspace()
            .Write("0000_init.sql", "CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL);\n--> statement-breakpoint\nCREATE INDEX `users_id` ON `users` (`id`);")
            .Write("0001_email.sql", "ALTER TABLE `users` ADD `email` text;");
        Directory.CreateDirectory(Path.Combine(workspace.Migrations, "meta"));
        File.WriteAllText(Path.Combine(workspace.Migrations, "meta", "_journal.json"), """
            {"version":"7","dialect":"sqlite","entries":[
              {"idx":0,"version":"6","when":1700000000000,"tag":"0000_init","breakpoints":true},
              {"idx":1,"version":"6","when":1700000001000,"tag":"0001_email","breakpoints":true}]}
            """);
        File.WriteAllText(Path.Combine(workspace.Root, "migrate.js"), """
            const Database = require('better-sqlite3');
            const { drizzle } = require('drizzle-orm/better-sqlite3');
            const { migrate } = require('drizzle-orm/better-sqlite3/migrator');
            const sqlite = new Database(process.env.DATABASE_URL);
            migrate(drizzle(sqlite), { migrationsFolder: './migrations' });
            sqlite.close();
            """);
        SqliteAdoption.Config(workspace, "drizzle");
        NodeTools.Run("node", workspace.Root, SqliteAdoption.File(workspace), "migrate.js");

        var adopted = await SqliteAdoption.AdoptAndContinueAsync(workspace, "__drizzle_migrations", "drizzle", ["0000_init", "0001_email"]);

        adopted.ShouldContain("SHA-256 matches");
    }

    /// <summary>A workspace with a knexfile.js (better-sqlite3 on DATABASE_URL) and one Knex migration creating users.</summary>
    private static Workspace KnexProject()
    {
        var workspace = new Workspace();
        Directory.CreateDirectory(Path.Combine(workspace.Root, "knex"));
        File.WriteAllText(Path.Combine(workspace.Root, "knexfile.js"),
            "module.exports = { client: 'better-sqlite3', connection: { filename: process.env.DATABASE_URL }, useNullAsDefault: true, migrations: { directory: './knex' } };\n");
        File.WriteAllText(Path.Combine(workspace.Root, "knex", "20240101120000_create_users.js"),
            "exports.up = k => k.schema.createTable('users', t => { t.increments('id'); });\nexports.down = k => k.schema.dropTable('users');\n");
        return workspace;
    }
}

using Strata.TestSupport;

namespace Strata.Cli.Tests.Postgres;

/// <summary>
/// Issue 14: the real Knex, node-pg-migrate, dbmate and Drizzle (tests/install-node-tools.sh) write their history,
/// then `strata status` refuses (exit 2, naming `strata adopt`) and after `strata adopt` status is clean, a new migration applies and rolls back, the old table is unchanged.
/// </summary>
public sealed class AdoptRealToolTests : PostgresCliTest
{
    [Fact]
    public async Task Node_pg_migrate_sql_history_is_adopted_file_by_file()
    {
        Workspace.Write("1700000000000_create_users.sql", "-- Up Migration\nCREATE TABLE users (id int);\n\n-- Down Migration\nDROP TABLE users;\n")
            .Write("1700000000001_add_email.sql", "-- Up Migration\nALTER TABLE users ADD email text;\n\n-- Down Migration\nALTER TABLE users DROP email;\n");
        Config("node-pg-migrate");
        NodeTools.Run("node-pg-migrate", Workspace.Root, DatabaseUrl, "up", "-m", "migrations", "--migration-file-language", "sql");

        await AdoptAndContinueAsync("pgmigrations", "1700000000002_add_name.sql", "-- Up Migration\nALTER TABLE users ADD name text;\n\n-- Down Migration\nALTER TABLE users DROP name;\n",
            "1700000000000_create_users", "1700000000001_add_email");
    }

    [Fact]
    public async Task Dbmate_history_is_adopted_version_by_version()
    {
        Workspace.Write("20240101000000_create_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n\n-- migrate:down\nDROP TABLE users;\n");
        Config("dbmate");
        NodeTools.Run("dbmate", Workspace.Root, DatabaseUrl + "?sslmode=disable", "--migrations-dir", "migrations", "--no-dump-schema", "up");

        await AdoptAndContinueAsync("schema_migrations", "20240201000000_add_email.sql", "-- migrate:up\nALTER TABLE users ADD email text;\n\n-- migrate:down\nALTER TABLE users DROP email;\n",
            "20240101000000_create_users");
    }

    [Fact]
    public async Task Knex_javascript_history_is_adopted_as_a_baseline_at_its_newest_migration()
    {
        Directory.CreateDirectory(Path.Combine(Workspace.Root, "knex"));
        File.WriteAllText(Path.Combine(Workspace.Root, "knexfile.js"), "module.exports = { client: 'pg', connection: process.env.DATABASE_URL, migrations: { directory: './knex' } };\n");
        File.WriteAllText(Path.Combine(Workspace.Root, "knex", "20240101120000_create_users.js"),
            "exports.up = k => k.schema.createTable('users', t => { t.increments('id'); });\nexports.down = k => k.schema.dropTable('users');\n");
        NodeTools.Run("knex", Workspace.Root, DatabaseUrl, "migrate:latest", "--knexfile", "knexfile.js");

        var adopted = await AdoptAndContinueAsync("knex_migrations", "20250101000000_add_email.sql", "ALTER TABLE users ADD email text;\n-- strata:down\nALTER TABLE users DROP email;\n", "baseline 20240101120000");

        adopted.ShouldContain("code Strata does not run, recorded as a baseline");
        (await Database.ScalarAsync<string>("SELECT string_agg(is_locked::text, ',') FROM knex_migrations_lock")).ShouldBe("0");
    }

    [Fact]
    public async Task Knex_history_in_a_schema_off_the_search_path_is_found_and_adopted()
    {
        // Knex's migrations.schemaName puts knex_migrations and its lock table in that schema, which is not on the search_path.
        await Database.ExecuteAsync("CREATE SCHEMA app");
        Directory.CreateDirectory(Path.Combine(Workspace.Root, "knex"));
        File.WriteAllText(Path.Combine(Workspace.Root, "knexfile.js"), "module.exports = { client: 'pg', connection: process.env.DATABASE_URL, migrations: { directory: './knex', schemaName: 'app' } };\n");
        File.WriteAllText(Path.Combine(Workspace.Root, "knex", "20240101120000_create_users.js"),
            "exports.up = k => k.schema.createTable('users', t => { t.increments('id'); });\nexports.down = k => k.schema.dropTable('users');\n");
        NodeTools.Run("knex", Workspace.Root, DatabaseUrl, "migrate:latest", "--knexfile", "knexfile.js");

        var adopted = await AdoptAndContinueAsync("app.knex_migrations", "20250101000000_add_email.sql", "ALTER TABLE users ADD email text;\n-- strata:down\nALTER TABLE users DROP email;\n", "baseline 20240101120000");

        adopted.ShouldContain("from knex's app.knex_migrations (left unchanged)");
    }

    [Fact]
    public async Task Drizzle_history_is_adopted_by_its_hashes()
    {
        Workspace.Write("0000_init.sql", "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY);\n--> statement-breakpoint\nCREATE INDEX \"users_id\" ON \"users\" (\"id\");")
            .Write("0001_email.sql", "ALTER TABLE \"users\" ADD COLUMN \"email\" text;");
        Directory.CreateDirectory(Path.Combine(Workspace.Migrations, "meta"));
        File.WriteAllText(Path.Combine(Workspace.Migrations, "meta", "_journal.json"), """
            {"version":"7","dialect":"postgresql","entries":[
              {"idx":0,"version":"7","when":1700000000000,"tag":"0000_init","breakpoints":true},
              {"idx":1,"version":"7","when":1700000001000,"tag":"0001_email","breakpoints":true}]}
            """);
        File.WriteAllText(Path.Combine(Workspace.Root, "migrate.js"), """
            const { Pool } = require('pg');
            const { drizzle } = require('drizzle-orm/node-postgres');
            const { migrate } = require('drizzle-orm/node-postgres/migrator');
            const pool = new Pool({ connectionString: process.env.DATABASE_URL });
            migrate(drizzle(pool), { migrationsFolder: './migrations' }).then(() => pool.end(), e => { console.error(e); process.exit(1); });
            """);
        Config("drizzle");
        NodeTools.Run("node", Workspace.Root, DatabaseUrl, "migrate.js");

        var adopted = await AdoptAndContinueAsync("drizzle.__drizzle_migrations", null, null, "0000_init", "0001_email");

        adopted.ShouldContain("SHA-256 matches");
    }

    /// <summary>adopt, status clean, then a new migration applies and rolls back; the old tool's table is unchanged throughout.</summary>
    private async Task<string> AdoptAndContinueAsync(string table, string? newFile, string? newText, params string[] adopted)
    {
        var before = await TableTextAsync(table);
        var cli = Cli();

        var unadopted = await cli.RunAsync("status");
        var dry = await cli.RunAsync("adopt", "--dry-run");
        var adopt = await cli.RunAsync("adopt");
        var status = await cli.RunAsync("status");

        unadopted.ExitCode.ShouldBe(2, unadopted.ToString());
        unadopted.Stderr.ShouldContain($"this database was migrated by another tool: {table} (");
        unadopted.Stderr.ShouldContain("`strata adopt --from ");
        dry.ExitCode.ShouldBe(0, dry.ToString());
        dry.Stdout.ShouldContain("nothing was changed");
        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        foreach (var name in adopted)
        {
            adopt.Stdout.ShouldContain(name);
        }

        status.ExitCode.ShouldBe(0, status.ToString());
        if (newFile is not null)
        {
            Workspace.Write(newFile, newText!);
            var migrate = await cli.RunAsync("migrate");
            var rollback = await cli.RunAsync("rollback");
            migrate.ExitCode.ShouldBe(0, migrate.ToString());
            migrate.Stdout.ShouldContain("Applied 1 migration");
            rollback.ExitCode.ShouldBe(0, rollback.ToString());
        }

        (await TableTextAsync(table)).ShouldBe(before, $"{table} is left as the old tool wrote it");
        return adopt.Stdout;
    }

    private Task<string?> TableTextAsync(string table) => Database.ScalarAsync<string>($"SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM {table} t");

    private void Config(string layout) =>
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), $"{{ \"migrations\": \"migrations\", \"layout\": \"{layout}\" }}");
}

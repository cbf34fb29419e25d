namespace Strata.Cli.Tests.Postgres;

/// <summary>
/// Issue 14: tools that are not on npm, with the exact DDL and rows they write (sources cited), and the unsafe states
/// every tool has: refused with exit 2 naming the old tool's own fix, nothing written.
/// </summary>
public sealed class AdoptHistoryTableTests : PostgresCliTest
{
    // golang-migrate database/postgres/postgres.go ensureVersionTable and SetVersion.
    // flyway-database-postgresql createMetaDataTable.sql: the columns Strata reads.
    private const string FlywayTable = """
        CREATE TABLE flyway_schema_history (installed_rank int NOT NULL PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,
          type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL,
          installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL)
        """;

    private const string GolangMigrateTable = "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint not null primary key, dirty boolean not null)";

    [Fact]
    public async Task Golang_migrate_one_row_counts_every_version_up_to_it_as_applied()
    {
        Workspace.Write("1_users.up.sql", "CREATE TABLE users (id int);\n").Write("1_users.down.sql", "DROP TABLE users;\n")
            .Write("2_email.up.sql", "ALTER TABLE users ADD email text;\n").Write("2_email.down.sql", "ALTER TABLE users DROP email;\n")
            .Write("3_name.up.sql", "ALTER TABLE users ADD name text;\n").Write("3_name.down.sql", "ALTER TABLE users DROP name;\n");
        Config("golang-migrate");
        await Database.ExecuteAsync($"{GolangMigrateTable}; INSERT INTO schema_migrations VALUES (2, false); CREATE TABLE users (id int, email text)");
        var before = await TableTextAsync("schema_migrations");

        var adopt = await Cli().RunAsync("adopt");
        var status = await Cli().RunAsync("status");
        var migrate = await Cli().RunAsync("migrate");
        var rollback = await Cli().RunAsync("rollback");

        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        adopt.Stdout.ShouldContain("adopt: recorded 2 migration(s) from golang-migrate's schema_migrations");
        status.ExitCode.ShouldBe(3, "3_name is pending: " + status);
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("3_name");
        migrate.Stdout.ShouldContain("Applied 1 migration");
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        rollback.Stdout.ShouldContain("3_name");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'name'")).ShouldBe(0);
        (await Database.ScalarAsync<string>("SELECT detail FROM strata_migrations_audit WHERE version = 1")).ShouldBe("adopted from golang-migrate (schema_migrations): 2");
        (await TableTextAsync("schema_migrations")).ShouldBe(before, "golang-migrate's table is left as it wrote it");
    }

    [Fact]
    public async Task Flyway_history_is_adopted_and_the_next_versioned_file_applies_and_undoes()
    {
        Workspace.Write("V1__users.sql", "CREATE TABLE users (id int);\n").Write("V2__email.sql", "ALTER TABLE users ADD email text;\n");
        Config("flyway");
        await Database.ExecuteAsync($"""
            {FlywayTable};
            INSERT INTO flyway_schema_history VALUES
              (1, '1', 'users', 'SQL', 'V1__users.sql', {Crc("CREATE TABLE users (id int);")}, 'me', now(), 5, true),
              (2, '2', 'email', 'SQL', 'V2__email.sql', {Crc("ALTER TABLE users ADD email text;")}, 'me', now(), 5, true);
            CREATE TABLE users (id int, email text);
            """);
        var before = await TableTextAsync("flyway_schema_history");

        var adopt = await Cli().RunAsync("adopt");
        var status = await Cli().RunAsync("status");
        Workspace.Write("V3__name.sql", "ALTER TABLE users ADD name text;\n").Write("U3__name.sql", "ALTER TABLE users DROP name;\n");
        var migrate = await Cli().RunAsync("migrate");
        var rollback = await Cli().RunAsync("rollback");

        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        adopt.Stdout.ShouldContain("recorded 2 migration(s) from flyway's flyway_schema_history");
        status.ExitCode.ShouldBe(0, status.ToString());
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("Applied 1 migration");
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        (await Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'name'")).ShouldBe(0);
        (await TableTextAsync("flyway_schema_history")).ShouldBe(before, "Flyway's table is left as it wrote it");
    }

    [Fact]
    public async Task A_dirty_golang_migrate_version_is_refused_naming_migrate_force()
    {
        Workspace.Write("1_users.up.sql", "CREATE TABLE users (id int);\n");
        Config("golang-migrate");
        await Database.ExecuteAsync($"{GolangMigrateTable}; INSERT INTO schema_migrations VALUES (1, true)");

        var adopt = await Cli().RunAsync("adopt");

        adopt.ExitCode.ShouldBe(2, adopt.ToString());
        adopt.Stderr.ShouldContain("golang-migrate marks version 1 dirty");
        adopt.Stderr.ShouldContain("migrate force 1");
        (await HistoryRowsAsync()).ShouldBe(-1, "nothing written");
    }

    [Fact]
    public async Task A_failed_flyway_migration_is_refused_naming_flyway_repair()
    {
        Workspace.Write("V1__users.sql", "CREATE TABLE users (id int);\n");
        Config("flyway");
        // flyway-database-postgresql createMetaDataTable.sql (the columns Strata reads) and a failed row.
        await Database.ExecuteAsync("""
            CREATE TABLE flyway_schema_history (installed_rank int NOT NULL PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,
              type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL,
              installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL);
            INSERT INTO flyway_schema_history VALUES (1, '1', 'users', 'SQL', 'V1__users.sql', 0, 'me', now(), 5, false);
            """);

        var adopt = await Cli().RunAsync("adopt");

        adopt.ExitCode.ShouldBe(2, adopt.ToString());
        adopt.Stderr.ShouldContain("Flyway recorded V1__users.sql as failed");
        adopt.Stderr.ShouldContain("flyway repair");
    }

    [Fact]
    public async Task Flyway_crc32_checksums_are_compared_and_a_changed_file_is_refused()
    {
        Workspace.Write("V1__users.sql", "CREATE TABLE users (id int);\n").Write("V2__email.sql", "ALTER TABLE users ADD email text;\n");
        Config("flyway");
        // The checksums Flyway computes for these two files (CRC32 of each line without its ending): the second row's file was edited since.
        await Database.ExecuteAsync($"""
            CREATE TABLE flyway_schema_history (installed_rank int NOT NULL PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,
              type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL,
              installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL);
            INSERT INTO flyway_schema_history VALUES
              (1, '1', 'users', 'SQL', 'V1__users.sql', {Crc("CREATE TABLE users (id int);")}, 'me', now(), 5, true),
              (2, '2', 'email', 'SQL', 'V2__email.sql', {Crc("ALTER TABLE users ADD email varchar;")}, 'me', now(), 5, true);
            """);

        var adopt = await Cli().RunAsync("adopt");

        adopt.ExitCode.ShouldBe(2, adopt.ToString());
        adopt.Stderr.ShouldContain("2: the file differs from what flyway applied");
        adopt.Stderr.ShouldNotContain("1: the file differs");
    }

    [Fact]
    public async Task An_unfinished_prisma_migration_is_refused_naming_migrate_resolve()
    {
        Directory.CreateDirectory(Path.Combine(Workspace.Migrations, "20240101000000_init"));
        Workspace.Write("20240101000000_init/migration.sql", "CREATE TABLE users (id int);\n");
        Config("prisma");
        // prisma-engines schema-engine sql-schema-connector: the _prisma_migrations table; a row started and never finished.
        await Database.ExecuteAsync("""
            CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL, finished_at timestamptz,
              migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(),
              applied_steps_count integer NOT NULL DEFAULT 0);
            INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('a', 'x', '20240101000000_init');
            """);

        var adopt = await Cli().RunAsync("adopt");

        adopt.ExitCode.ShouldBe(2, adopt.ToString());
        adopt.Stderr.ShouldContain("prisma migrate resolve --rolled-back 20240101000000_init");
    }

    [Fact]
    public async Task A_held_knex_lock_is_refused_naming_migrate_unlock()
    {
        // knex lib/migrations/migrate/table-creator.js: knex_migrations and knex_migrations_lock (is_locked 1 while a run holds it).
        await Database.ExecuteAsync("""
            CREATE TABLE knex_migrations (id serial PRIMARY KEY, name varchar(255), batch integer, migration_time timestamptz);
            CREATE TABLE knex_migrations_lock (index serial PRIMARY KEY, is_locked integer);
            INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('20240101120000_init.js', 1, now());
            INSERT INTO knex_migrations_lock (is_locked) VALUES (1);
            """);

        var adopt = await Cli().RunAsync("adopt");

        adopt.ExitCode.ShouldBe(2, adopt.ToString());
        adopt.Stderr.ShouldContain("npx knex migrate:unlock");
    }

    private Task<string?> TableTextAsync(string table) => Database.ScalarAsync<string>($"SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM {table} t");

    private static string Crc(string line) =>
        Strata.Adoption.FlywayChecksum.Compute(System.Text.Encoding.UTF8.GetBytes(line + "\n")).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Config(string layout) =>
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), $"{{ \"migrations\": \"migrations\", \"layout\": \"{layout}\" }}");
}

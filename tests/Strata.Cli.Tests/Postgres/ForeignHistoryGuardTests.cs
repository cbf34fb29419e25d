namespace Strata.Cli.Tests.Postgres;

/// <summary>
/// Issue 14: `status` and `migrate` on a database that only another tool's history table describes stop with exit 2
/// naming that tool and the `strata adopt` command, instead of reading the database as empty and applying every
/// migration again; `history.table` pointed at another tool's table is exit 2 naming the tool. Each table is created
/// with the DDL and a row the tool itself writes (sources cited per case); the real Knex, node-pg-migrate, dbmate and
/// Drizzle tables are checked in <see cref="AdoptRealToolTests"/>.
/// </summary>
public sealed class ForeignHistoryGuardTests : PostgresCliTest
{
    public static TheoryData<string, string, string> Tables => new()
    {
        // knex lib/migrations/migrate/table-creator.js.
        { "knex", "knex_migrations", """
            CREATE TABLE knex_migrations (id serial PRIMARY KEY, name varchar(255), batch integer, migration_time timestamptz);
            CREATE TABLE knex_migrations_lock (index serial PRIMARY KEY, is_locked integer);
            INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('20240101000000_users.js', 1, now());
            INSERT INTO knex_migrations_lock (is_locked) VALUES (0);
            """ },
        // node-pg-migrate src/runner.ts ensureMigrationsTable.
        { "node-pg-migrate", "pgmigrations", """
            CREATE TABLE pgmigrations (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL);
            INSERT INTO pgmigrations (name, run_on) VALUES ('20240101000000_users', now());
            """ },
        // dbmate pkg/driver/postgres/postgres.go CreateMigrationsTable and InsertMigration.
        { "dbmate", "schema_migrations", """
            CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY);
            INSERT INTO schema_migrations (version) VALUES ('20240101000000');
            """ },
        // golang-migrate database/postgres/postgres.go ensureVersionTable and SetVersion.
        { "golang-migrate", "schema_migrations", """
            CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
            INSERT INTO schema_migrations VALUES (20240101000000, false);
            """ },
        // drizzle-orm pg-core/dialect.ts migrate.
        { "drizzle", "drizzle.__drizzle_migrations", """
            CREATE SCHEMA drizzle;
            CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);
            INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('0b1e', 1704067200000);
            """ },
        // goose internal/dialect/dialectquery/postgres.go CreateTable; goose writes version 0 when it creates the table.
        { "goose", "goose_db_version", """
            CREATE TABLE goose_db_version (id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp NULL DEFAULT now(), PRIMARY KEY(id));
            INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (20240101000000, true);
            """ },
        // flyway-database-postgresql createMetaDataTable.sql.
        { "flyway", "flyway_schema_history", """
            CREATE TABLE flyway_schema_history (installed_rank int NOT NULL PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,
              type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL,
              installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL);
            INSERT INTO flyway_schema_history VALUES (1, '20240101000000', 'users', 'SQL', 'V20240101000000__users.sql', 0, 'me', now(), 5, true);
            """ },
        // prisma-engines sql-schema-connector: _prisma_migrations, one finished row.
        { "prisma", "_prisma_migrations", """
            CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL, finished_at timestamptz,
              migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(),
              applied_steps_count integer NOT NULL DEFAULT 0);
            INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('a', 'x', '20240101000000_users', now(), 1);
            """ },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task Status_and_migrate_refuse_a_database_only_another_tool_migrated_naming_strata_adopt(string tool, string table, string ddl)
    {
        Workspace.Write("20240101000000_users.sql", "CREATE TABLE users (id int);\n");
        await Database.ExecuteAsync(ddl + "\nCREATE TABLE users (id int);");

        var status = await Cli().RunAsync("status");
        var dryRun = await Cli().RunAsync("migrate", "--dry-run");
        var migrate = await Cli().RunAsync("migrate");

        foreach (var run in new[] { status, dryRun, migrate })
        {
            run.ExitCode.ShouldBe(2, run.ToString());
            run.Stderr.ShouldContain($"this database was migrated by another tool: {table} ({tool}:");
            run.Stderr.ShouldContain($"`strata adopt --from {tool}`");
        }

        (await HistoryRowsAsync()).ShouldBe(-1, "migrate created nothing");
    }

    [Fact]
    public async Task An_empty_table_of_another_tool_does_not_stop_migrate()
    {
        Workspace.Write("20240101000000_users.sql", "CREATE TABLE users (id int);\n");
        await Database.ExecuteAsync("CREATE TABLE pgmigrations (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)");

        var migrate = await Cli().RunAsync("migrate");

        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("Applied 1 migration");
    }

    [Fact]
    public async Task Once_Strata_has_a_history_another_tools_table_beside_it_is_left_alone()
    {
        Workspace.Write("20240101000000_users.sql", "CREATE TABLE users (id int);\n");
        await Database.ExecuteAsync("CREATE TABLE pgmigrations (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL); INSERT INTO pgmigrations (name, run_on) VALUES ('x', now())");

        var baseline = await Cli().RunAsync("baseline", "--version", "0");
        var migrate = await Cli().RunAsync("migrate");

        baseline.ExitCode.ShouldBe(0, baseline.ToString());
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("Applied 1 migration");
    }

    [Fact]
    public async Task Status_refuses_a_tool_table_kept_in_a_schema_off_the_search_path()
    {
        // Prisma's ?schema=app puts _prisma_migrations in that schema; the search_path does not reach it.
        Workspace.Write("20240101000000_users.sql", "CREATE TABLE users (id int);\n");
        await Database.ExecuteAsync("""
            CREATE SCHEMA app;
            CREATE TABLE app._prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL, finished_at timestamptz,
              migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(),
              applied_steps_count integer NOT NULL DEFAULT 0);
            INSERT INTO app._prisma_migrations (id, checksum, finished_at, migration_name) VALUES ('a', 'x', now(), '20240101000000_users');
            """);

        var status = await Cli().RunAsync("status");

        status.ExitCode.ShouldBe(2, status.ToString());
        status.Stderr.ShouldContain("this database was migrated by another tool: app._prisma_migrations (prisma: 1 migration(s), newest 20240101000000_users)");
    }

    [Fact]
    public async Task A_history_kept_in_its_own_schema_is_not_stopped_by_a_tool_table_in_another_schema()
    {
        Workspace.Write("20240101000000_users.sql", "CREATE TABLE tenant.users (id int);\n");
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), """{ "history": { "schema": "tenant" } }""");
        await Database.ExecuteAsync("""
            CREATE SCHEMA tenant; CREATE SCHEMA other;
            CREATE TABLE other.pgmigrations (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL);
            INSERT INTO other.pgmigrations (name, run_on) VALUES ('1700000000000_init', now());
            """);

        var migrate = await Cli().RunAsync("migrate");

        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("Applied 1 migration");
    }

    [Theory]
    [InlineData("knex_migrations", null, "knex")]
    [InlineData("__drizzle_migrations", "drizzle", "drizzle")]
    [InlineData("flyway_schema_history", null, "flyway")]
    public async Task History_table_pointed_at_another_tools_table_is_refused_naming_the_tool(string table, string? schema, string tool)
    {
        var ddl = Tables.Single(row => (string)row[0] == tool)[2];
        Workspace.Write("20240101000000_users.sql", "CREATE TABLE users (id int);\n");
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"),
            schema is null ? $$"""{ "history": { "table": "{{table}}" } }""" : $$"""{ "history": { "table": "{{table}}", "schema": "{{schema}}" } }""");
        await Database.ExecuteAsync((string)ddl);

        var status = await Cli().RunAsync("status");
        var migrate = await Cli().RunAsync("migrate");

        foreach (var run in new[] { status, migrate })
        {
            run.ExitCode.ShouldBe(2, run.ToString());
            run.Stderr.ShouldContain($"is {tool}'s history table, not Strata's");
            run.Stderr.ShouldContain($"strata adopt --from {tool}");
            run.Stderr.ShouldNotContain("42703");
        }
    }

    [Fact]
    public async Task History_table_pointed_at_a_table_that_is_not_a_history_is_bad_input_not_a_failed_migration()
    {
        Workspace.Write("20240101000000_users.sql", "CREATE TABLE users (id int);\n");
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), """{ "history": { "table": "accounts" } }""");
        await Database.ExecuteAsync("CREATE TABLE accounts (id int)");

        var status = await Cli().RunAsync("status");

        status.ExitCode.ShouldBe(2, status.ToString());
        status.Stderr.ShouldContain("public.accounts is not a Strata history table");
        status.Stderr.ShouldContain("history.table in strata.json");
    }
}

using System.Text.Json;

namespace Strata.Cli.Tests;

/// <summary>The custom up/down runner's workflow (DB_PATH, .down.sql files) on SQLite, as a user runs it.</summary>
public sealed class SqliteWorkflowTests
{
    [Fact]
    public async Task Seed_004_layout_migrates_reports_rolls_back_one_step_and_status_exits_3()
    {
        using var workspace = new Workspace().CopySample("quickstart");
        var cli = workspace.Cli().With("STRATA_ENV", "development");

        var migrate = await cli.RunAsync("migrate");
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("001_initial_schema");
        migrate.Stdout.ShouldContain("002_seed_demo_data");
        migrate.Stdout.ShouldContain("R__portfolio_summary");
        migrate.Stdout.ShouldContain("Applied 3 migrations");

        var clean = await cli.RunAsync("status");
        clean.ExitCode.ShouldBe(0, clean.ToString());
        clean.Stdout.ShouldContain("Up to date");

        var rollback = await cli.RunAsync("rollback", "--steps", "1");
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        rollback.Stdout.ShouldContain("002_seed_demo_data");

        var pending = await cli.RunAsync("status");
        pending.ExitCode.ShouldBe(3, pending.ToString());
        pending.Stdout.ShouldContain("pending");

        var again = await cli.RunAsync("migrate");
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Stdout.ShouldContain("Applied 1 migration");
    }

    [Fact]
    public async Task The_summary_says_how_much_of_the_time_was_the_migrations_and_what_the_rest_was()
    {
        using var workspace = new Workspace().Write("001_a.sql", "CREATE TABLE a (id integer);\n-- strata:down\nDROP TABLE a;\n");
        var cli = workspace.Cli();

        var migrate = await cli.RunAsync("migrate");
        var rollback = await cli.RunAsync("rollback");

        migrate.Stdout.ShouldMatch(@"Applied 1 migration in \d+ ms \(batch 1\): \d+ ms running it, \d+ ms reading the files, connecting, locking and reading the history\.");
        rollback.Stdout.ShouldMatch(@"Rolled back 1 migration in \d+ ms \(batch 1\): \d+ ms running it, \d+ ms reading the files, connecting, locking and reading the history\.");
    }

    [Fact]
    public async Task Seed_data_is_skipped_in_production()
    {
        using var workspace = new Workspace().CopySample("quickstart");
        var cli = workspace.Cli();

        var migrate = await cli.RunAsync("migrate", "--env", "production");
        var status = await cli.RunAsync("status", "--env", "production", "--json");

        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldNotContain("002_seed_demo_data");
        status.ExitCode.ShouldBe(0, status.ToString());
        using var json = JsonDocument.Parse(status.Stdout);
        json.RootElement.GetProperty("migrations")[1].GetProperty("status").GetString().ShouldBe("skipped");
    }

    [Fact]
    public async Task Dry_run_prints_the_exact_sql_and_changes_nothing()
    {
        using var workspace = new Workspace().CopySample("quickstart");
        var cli = workspace.Cli();

        var dry = await cli.RunAsync("migrate", "--dry-run");
        var status = await cli.RunAsync("status");

        dry.ExitCode.ShouldBe(0, dry.ToString());
        dry.Stdout.ShouldContain("BEGIN IMMEDIATE;");
        dry.Stdout.ShouldContain("CREATE TABLE portfolios");
        dry.Stdout.ShouldContain("INSERT INTO \"strata_migrations\"");
        dry.Stdout.ShouldContain("Nothing has been changed");
        status.ExitCode.ShouldBe(5, "the dry run created no file: " + status);
        status.Stderr.ShouldContain("database not found");
    }

    [Fact]
    public async Task Status_json_gives_the_same_facts_for_machines()
    {
        using var workspace = new Workspace().CopySample("quickstart");
        var cli = workspace.Cli().With("NODE_ENV", "development");
        await cli.RunAsync("migrate", "--target", "1");

        var status = await cli.RunAsync("status", "--json");

        status.ExitCode.ShouldBe(3);
        using var json = JsonDocument.Parse(status.Stdout);
        json.RootElement.GetProperty("clean").GetBoolean().ShouldBeFalse();
        var first = json.RootElement.GetProperty("migrations")[0];
        first.GetProperty("status").GetString().ShouldBe("applied");
        first.GetProperty("batch").GetInt32().ShouldBe(1);
        json.RootElement.GetProperty("summary").GetProperty("pending").GetInt32().ShouldBe(2);
        json.RootElement.GetProperty("environment").GetString().ShouldBe("development");
        json.RootElement.GetProperty("environmentSet").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Demo_data_gated_on_development_waits_until_an_environment_is_set()
    {
        using var workspace = new Workspace().CopySample("quickstart");

        var migrate = await workspace.Cli().RunAsync("migrate");
        var status = await workspace.Cli().RunAsync("status");
        var later = await workspace.Cli().With("ASPNETCORE_ENVIRONMENT", "Development").RunAsync("migrate");

        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("(environment development (default), folder migrations/)");
        migrate.Stdout.ShouldNotContain("002_seed_demo_data");
        status.ExitCode.ShouldBe(0, status.ToString());
        status.Stdout.ShouldContain("Environment development (default)");
        status.Stdout.ShouldContain("only in development, test; no environment was set");
        status.Stdout.ShouldContain("Skipped migrations run only in an environment that is set: --env, STRATA_ENV, DOTNET_ENVIRONMENT/ASPNETCORE_ENVIRONMENT or NODE_ENV");
        later.ExitCode.ShouldBe(0, later.ToString());
        later.Stdout.ShouldContain("(environment development, folder migrations/)");
        later.Stdout.ShouldContain("002_seed_demo_data");
    }

    [Fact]
    public async Task Db_path_and_libpq_variables_that_disagree_stop_with_exit_2_naming_both()
    {
        using var workspace = new Workspace().CopySample("quickstart");
        var cli = new Cli(workspace.Root).With("DB_PATH", "data.db").With("PGHOST", "127.0.0.1").With("PGUSER", "me");

        var result = await cli.RunAsync("status");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("error: PGHOST and DB_PATH are both set (environment) and name different databases: postgres://me@127.0.0.1:5432 and sqlite:data.db; Strata will not pick one");
        result.Stderr.ShouldContain("hint: unset PGHOST or DB_PATH, whichever you do not mean, or pass --database");
    }

    [Fact]
    public async Task Db_path_in_the_environment_beats_database_url_in_dotenv_and_verbose_says_so()
    {
        using var workspace = new Workspace().CopySample("quickstart");
        File.WriteAllText(Path.Combine(workspace.Root, ".env"), "DATABASE_URL=postgres://app@db.example.com/shop\n");
        var cli = new Cli(workspace.Root).With("DB_PATH", "local.db");

        var result = await cli.RunAsync("migrate", "--verbose");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Migrating sqlite:local.db");
        result.Stderr.ShouldContain("database ← DB_PATH (environment); shadows DATABASE_URL (.env)");
    }

    [Fact]
    public async Task A_typoed_strata_env_name_is_reported_by_validate_and_lint_when_strata_json_declares_environments()
    {
        using var workspace = new Workspace().CopySample("quickstart");
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), """{ "environments": { "development": {}, "production": { "protected": true } } }""");
        workspace.Write("003_more_demo.sql", "-- strata:env developmnet\nINSERT INTO portfolios (id, name, owner_email, target_allocation) VALUES ('x', 'x', 'x@example.com', '{}');\n-- strata:down\nDELETE FROM portfolios WHERE id = 'x';\n");

        var validate = await workspace.Cli().RunAsync("validate", "--offline");
        var lint = await workspace.Cli().RunAsync("lint", "--offline");

        validate.ExitCode.ShouldBe(2, validate.ToString());
        validate.Stderr.ShouldContain("003_more_demo.sql: -- strata:env names 'developmnet', an environment strata.json does not declare; did you mean 'development'?");
        lint.ExitCode.ShouldBe(3, lint.ToString());
        lint.Stdout.ShouldContain("unknown-environment");
    }

    [Fact]
    public async Task New_numbers_sequential_folders_sequentially_and_writes_a_template()
    {
        using var workspace = new Workspace().CopySample("quickstart");

        var result = await workspace.Cli().RunAsync("new", "Add Users Table", "--pair");

        result.ExitCode.ShouldBe(0, result.ToString());
        File.Exists(Path.Combine(workspace.Migrations, "003_add_users_table.up.sql")).ShouldBeTrue();
        File.Exists(Path.Combine(workspace.Migrations, "003_add_users_table.down.sql")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("20991231235959", "21000101000000")]
    [InlineData("20991231235959999", "21000101000000000")]
    public async Task New_after_a_newer_timestamp_takes_the_next_valid_time_not_the_next_number(string newest, string next)
    {
        using var workspace = new Workspace();
        Directory.CreateDirectory(workspace.Migrations);
        File.WriteAllText(Path.Combine(workspace.Migrations, newest + "_latest.sql"), "SELECT 1;\n");

        var result = await workspace.Cli().RunAsync("new", "second", "--migrations", workspace.Migrations);

        result.ExitCode.ShouldBe(0, result.ToString());
        File.Exists(Path.Combine(workspace.Migrations, next + "_second.sql")).ShouldBeTrue(string.Join(", ", Directory.GetFiles(workspace.Migrations)));
    }

    [Fact]
    public async Task Init_writes_config_and_folder_and_refuses_to_overwrite()
    {
        var root = Directory.CreateTempSubdirectory("strata-init-").FullName;
        try
        {
            var first = await new Cli(root).RunAsync("init");
            var second = await new Cli(root).RunAsync("init");
            var migrate = await new Cli(root).RunAsync("migrate");

            first.ExitCode.ShouldBe(0, first.ToString());
            first.Stdout.ShouldContain("strata new");
            File.ReadAllText(Path.Combine(root, "strata.json")).ShouldContain("sqlite:app.db");
            Directory.Exists(Path.Combine(root, "migrations")).ShouldBeTrue();
            second.ExitCode.ShouldBe(2);
            migrate.ExitCode.ShouldBe(0, migrate.ToString());
            migrate.Stdout.ShouldContain("up to date");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}

using Strata.Cli.Tests.Postgres;

namespace Strata.Cli.Tests.Schema;

/// <summary>
/// Strata's own history schema and tables are never part of a diff, whatever history.schema and history.table say
/// (issue 12, item 1: generate proposed DROP SCHEMA kortix_migrations, counted as not destructive).
/// </summary>
public sealed class HistorySchemaTests : PostgresCliTest
{
    private const string Config = """{ "database": "${DATABASE_URL}", "history": { "schema": "kortix_migrations", "table": "schema_log" } }""";

    [Fact]
    public async Task After_pull_of_the_app_schema_generate_has_nothing_to_do_and_diff_from_migrations_exits_0_with_a_custom_history_schema()
    {
        SchemaWorkflow.WriteRoot(Workspace, "strata.json", Config);
        Workspace.Write("001_init.sql", "CREATE SCHEMA kortix;\nCREATE TABLE kortix.users (id bigint PRIMARY KEY, email text NOT NULL);\n-- strata:down\nDROP SCHEMA kortix CASCADE;\n");
        (await Cli().RunAsync("migrate")).ExitCode.ShouldBe(0);
        var pull = await Cli().RunAsync("pull", "--schema", "kortix");
        pull.ExitCode.ShouldBe(0, pull.ToString());

        var generate = await Cli().RunAsync("generate", "x");
        var drift = await Cli().RunAsync("diff", "--from", "migrations", "--exit-code");
        var live = await Cli().RunAsync("diff", "--exit-code");

        generate.ExitCode.ShouldBe(0, generate.ToString());
        generate.Stdout.ShouldContain("nothing to generate");
        Directory.GetFiles(Workspace.Migrations).Length.ShouldBe(1);
        drift.ExitCode.ShouldBe(0, drift.ToString());
        live.ExitCode.ShouldBe(0, live.ToString());
        (generate.ToString() + drift + live).ShouldNotContain("kortix_migrations");
    }

    [Fact]
    public async Task Pull_and_dump_leave_out_the_history_schema_and_tables_and_verify_passes_with_it()
    {
        SchemaWorkflow.WriteRoot(Workspace, "strata.json", Config);
        Workspace.Write("001_init.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n-- strata:down\nDROP TABLE users;\n");
        (await Cli().RunAsync("migrate")).ExitCode.ShouldBe(0);

        var pull = await Cli().RunAsync("pull", "-o", "-");
        var dump = await Cli().RunAsync("dump");
        var verify = await Cli().RunAsync("verify");

        pull.Stdout.ShouldContain("CREATE TABLE public.users");
        dump.Stdout.ShouldContain("CREATE TABLE public.users");
        (pull.Stdout + dump.Stdout).ShouldNotContain("kortix_migrations");
        (pull.Stdout + dump.Stdout).ShouldNotContain("schema_log");
        verify.ExitCode.ShouldBe(0, verify.ToString());
    }

    [Fact]
    public async Task A_history_schema_that_also_holds_the_applications_tables_is_created_by_push_but_never_dropped()
    {
        SchemaWorkflow.WriteRoot(Workspace, "strata.json", """{ "database": "${DATABASE_URL}", "history": { "schema": "app" } }""");
        SchemaWorkflow.WriteRoot(Workspace, "schema.sql", "CREATE SCHEMA app;\nCREATE TABLE app.users (id bigint PRIMARY KEY);\n");

        var push = await Cli().RunAsync("push");
        push.ExitCode.ShouldBe(0, push.ToString());
        (await RelationExistsAsync("app.users")).ShouldBeTrue();
        var generate = await Cli().RunAsync("generate", "init", "--sequential");
        generate.ExitCode.ShouldBe(0, generate.ToString());
        var migration = File.ReadAllText(Path.Combine(Workspace.Migrations, "001_init.sql"));

        migration.ShouldNotContain("CREATE SCHEMA app", customMessage: "strata migrate creates its history schema before any migration runs");
        migration.ShouldNotContain("DROP SCHEMA app", customMessage: "the down section would drop the history with it");
        migration.ShouldContain("CREATE TABLE app.users");
        SchemaWorkflow.WriteRoot(Workspace, "schema.sql", "-- nothing\n");
        var dropAll = await Cli().RunAsync("diff", "--from", "migrations");
        dropAll.Stdout.ShouldContain("DROP TABLE app.users");
        dropAll.Stdout.ShouldNotContain("DROP SCHEMA app");
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Strata.Cli.Tests.Postgres;

namespace Strata.Cli.Tests.Schema;

/// <summary>push sends its changes as one batch in one transaction (ADR 026): what a failure still tells, and leaves.</summary>
public sealed partial class PostgresPushTests : PostgresCliTest
{
    [Fact]
    public async Task A_push_whose_300th_change_fails_names_that_change_and_its_script_line_and_applies_nothing()
    {
        await Database.ExecuteAsync("CREATE TABLE z (id int); INSERT INTO z VALUES (1);");
        var schema = new StringBuilder();
        for (var i = 1; i <= 299; i++)
        {
            schema.Append($"CREATE TABLE a{i:D3} (id int);\n");
        }

        schema.Append("CREATE TABLE z (id int, y int NOT NULL);\nCREATE INDEX a001_id ON a001 (id);\n"); // the index comes after the tables' changes
        SchemaWorkflow.WriteRoot(Workspace, "schema.sql", schema.ToString());

        var push = await Cli().RunAsync("push", "--yes");

        push.ExitCode.ShouldBe(4, push.ToString());
        push.Stderr.ShouldContain("migration push (change 300 of 301: add column public.z.y) failed");
        push.Stderr.ShouldContain("SQLSTATE 23502");
        push.Stderr.ShouldContain("the transaction was rolled back: nothing of push was applied");
        var line = int.Parse(Location().Match(push.Stderr).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var script = (await Cli().RunAsync("push", "--dry-run")).Stdout.Split('\n');
        script[line - 1].ShouldBe("ALTER TABLE public.z ADD COLUMN y integer NOT NULL;");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname IN ('a001', 'a299', 'a001_id')")).ShouldBe(0L);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'z'")).ShouldBe(1L);
    }

    [Fact]
    public async Task A_push_still_applies_every_change_and_verbose_times_them()
    {
        var schema = new StringBuilder("CREATE TYPE mood AS ENUM ('ok');\n");
        for (var i = 1; i <= 50; i++)
        {
            schema.Append($"CREATE TABLE t{i:D2} (id int PRIMARY KEY, m mood, parent int REFERENCES t{Math.Max(1, i - 1):D2} (id));\nCREATE INDEX t{i:D2}_m ON t{i:D2} (m);\n");
        }

        SchemaWorkflow.WriteRoot(Workspace, "schema.sql", schema.ToString());

        var push = await Cli().RunAsync("push", "--yes", "--verbose");

        push.ExitCode.ShouldBe(0, push.ToString());
        push.Stderr.ShouldContain("changes applied");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE 't%_m'")).ShouldBe(50L);
        (await Cli().RunAsync("diff", "--exit-code")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_push_into_a_database_that_does_not_exist_is_exit_5_naming_it_with_the_fix()
    {
        SchemaWorkflow.WriteRoot(Workspace, "schema.sql", "CREATE TABLE a (id int);\n");
        var missing = DatabaseUrl[..(DatabaseUrl.LastIndexOf('/') + 1)] + "strata_no_such_db";

        var push = await new Cli(Workspace.Root).With("DATABASE_URL", missing).RunAsync("push", "--yes");

        push.ExitCode.ShouldBe(5, push.ToString());
        push.Stderr.ShouldContain("database 'strata_no_such_db' does not exist");
        push.Stderr.ShouldNotContain("internal error");
    }

    [GeneratedRegex(@"--> push:(\d+):")]
    private static partial Regex Location();
}

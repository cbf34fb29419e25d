using Strata.Cli.Tests.Postgres;

namespace Strata.Cli.Tests.Schema;

/// <summary>Objects the engine cannot model are named by pull, diff and generate, and fail diff --exit-code unless strata.json accepts them.</summary>
public sealed class NotManagedTests : PostgresCliTest
{
    private const string Unmodelled = """
        CREATE TABLE points (id int PRIMARY KEY, p point);
        CREATE TEXT SEARCH CONFIGURATION english_copy (COPY = english);
        CREATE FOREIGN DATA WRAPPER dummy;
        CREATE SERVER elsewhere FOREIGN DATA WRAPPER dummy;
        CREATE FOREIGN TABLE remote_points (id int) SERVER elsewhere;
        """;

    private static readonly string[] Expected =
    [
        "not managed: foreign table public.remote_points",
        "not managed: foreign-data wrapper dummy",
        "not managed: server elsewhere",
        "not managed: text search configuration public.english_copy",
    ];

    [Fact]
    public async Task Pull_diff_and_generate_name_objects_they_cannot_model_and_diff_exit_code_fails_for_them()
    {
        await Database.ExecuteAsync(Unmodelled);

        var pull = await Cli().RunAsync("pull");
        pull.ExitCode.ShouldBe(0, pull.ToString());
        foreach (var line in Expected)
        {
            pull.Stderr.ShouldContain("warning: " + line);
            File.ReadAllText(Path.Combine(Workspace.Root, "schema.sql")).ShouldContain("-- " + line + "\n");
        }

        var diff = await Cli().RunAsync("diff", "--exit-code");
        diff.ExitCode.ShouldBe(3, diff.ToString());
        diff.Stderr.ShouldContain("no differences in what Strata manages");
        diff.Stderr.ShouldContain("warning: not managed: server elsewhere");
        diff.Stderr.ShouldContain("\"unmanaged\"");

        File.AppendAllText(Path.Combine(Workspace.Root, "schema.sql"), "\nCREATE TEXT SEARCH CONFIGURATION french_copy (COPY = french);\n");
        var generate = await Cli().RunAsync("generate", "init");
        generate.ExitCode.ShouldBe(0, generate.ToString());
        generate.Stderr.ShouldContain("warning: not managed: text search configuration public.french_copy");
        File.ReadAllText(Directory.GetFiles(Workspace.Migrations).Single()).ShouldNotContain("french_copy");

        var json = await Cli().RunAsync("diff", "--json");
        json.Stdout.ShouldContain("\"notManaged\"");
        json.Stdout.ShouldContain("\"server elsewhere\"");
    }

    [Fact]
    public async Task Objects_accepted_in_strata_json_are_not_reported_and_diff_exit_code_passes()
    {
        await Database.ExecuteAsync(Unmodelled);
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), """
            { "unmanaged": ["text search configuration public.*", "foreign*", "server elsewhere"] }
            """);

        var pull = await Cli().RunAsync("pull");
        pull.ExitCode.ShouldBe(0, pull.ToString());
        pull.Stderr.ShouldNotContain("not managed");
        var diff = await Cli().RunAsync("diff", "--exit-code");

        diff.ExitCode.ShouldBe(0, diff.ToString());
        diff.Stderr.ShouldNotContain("not managed");
    }
}

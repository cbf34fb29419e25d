using System.Text.Json;

namespace Strata.Cli.Tests;

/// <summary>Every <c>--json</c> document is valid JSON that keeps SQL readable: quotes are not escaped as <c>\u0027</c>.</summary>
public sealed class JsonOutputTests
{
    [Fact]
    public async Task Dry_run_json_keeps_sql_quotes_readable_and_stays_valid_json()
    {
        using var workspace = new Workspace().Write("001_cafe.sql", "CREATE TABLE café (note TEXT DEFAULT 'it''s <b>&amp;</b> \"x\"');\n");

        var result = await workspace.Cli().RunAsync("migrate", "--dry-run", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldNotContain("\\u0027");
        result.Stdout.ShouldNotContain("\\u003C");
        result.Stdout.ShouldContain("CREATE TABLE café");
        result.Stdout.ShouldContain("DEFAULT 'it''s <b>&amp;</b> \\\"x\\\"'");
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("steps")[0].GetProperty("sql").GetString()!.ShouldContain("DEFAULT 'it''s <b>&amp;</b> \"x\"'");
        json.RootElement.GetProperty("batch").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Error_json_keeps_quotes_readable()
    {
        using var workspace = new Workspace();

        var result = await workspace.Cli().RunAsync("stauts", "--json");

        result.Stdout.ShouldContain("\"message\": \"unknown command 'stauts': did you mean `status`?\"");
        JsonDocument.Parse(result.Stdout).Dispose();
    }

    [Fact]
    public async Task Lint_json_and_sarif_keep_quotes_readable()
    {
        using var workspace = new Workspace().Write("001_t.sql", "CREATE TABLE t (id int, note text);\n-- strata:down\nDROP TABLE t;\n")
            .Write("002_fill.sql", "UPDATE t SET note = 'it''s';\n-- strata:down\nSELECT 1;\n");
        var cli = new Cli(workspace.Root);

        var json = await cli.RunAsync("lint", "--json");
        var sarif = await cli.RunAsync("lint", "--format", "sarif");

        foreach (var result in new[] { json, sarif })
        {
            result.Stdout.ShouldNotContain("\\u0027", Case.Sensitive, result.ToString());
            result.Stdout.ShouldContain("it''s", Case.Sensitive, result.ToString());
            JsonDocument.Parse(result.Stdout).Dispose();
        }
    }
}

using System.Text.Json;

namespace Strata.Cli.Tests;

/// <summary>Risky commands on a protected environment, and redo in development.</summary>
public sealed class ProtectedEnvironmentTests
{
    [Fact]
    public async Task Rollback_on_a_protected_environment_needs_yes_when_not_interactive()
    {
        using var workspace = Protected();
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate", "--env", "production")).ExitCode.ShouldBe(0);

        var refused = await cli.RunAsync("rollback", "--env", "production");
        var confirmed = await cli.RunAsync("rollback", "--env", "production", "--yes");

        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Stderr.ShouldContain("protected");
        refused.Stderr.ShouldContain("--yes");
        confirmed.ExitCode.ShouldBe(0, confirmed.ToString());
        confirmed.Stdout.ShouldContain("Rolled back 1 migration");
    }

    [Fact]
    public async Task Redo_is_refused_on_a_protected_environment_and_reapplies_the_last_migration_elsewhere()
    {
        using var workspace = Protected();
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);

        var refused = await cli.RunAsync("redo", "--env", "production", "--yes");
        var redo = await cli.RunAsync("redo", "--json");

        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Stderr.ShouldContain("development command");
        redo.ExitCode.ShouldBe(0, redo.ToString());
        using var json = JsonDocument.Parse(redo.Stdout);
        json.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("direction").GetString()).ShouldBe(["down", "up"]);
    }

    private static Workspace Protected()
    {
        var workspace = new Workspace().Write("001_t.sql", "CREATE TABLE t (id INTEGER);\n-- strata:down\nDROP TABLE t;\n");
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), """
            { "migrations": "migrations", "environments": { "development": {}, "production": { "protected": true } } }
            """);
        return workspace;
    }
}

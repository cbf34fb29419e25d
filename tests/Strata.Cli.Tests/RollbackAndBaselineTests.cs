using System.Text.Json;

namespace Strata.Cli.Tests;

/// <summary>Counts and versions as the seeds' runners pass them: <c>rollback 2</c>, <c>baseline 0</c>, and which batches a rollback touched.</summary>
public sealed class RollbackAndBaselineTests
{
    private static Workspace ThreeBatches(out Cli cli)
    {
        var workspace = new Workspace()
            .Write("001_a.sql", "CREATE TABLE a (id INTEGER);\n-- strata:down\nDROP TABLE a;\n");
        cli = workspace.Cli();
        return workspace;
    }

    private static async Task MigrateAsync(Workspace workspace, Cli cli, string file, string table)
    {
        workspace.Write(file, $"CREATE TABLE {table} (id INTEGER);\n-- strata:down\nDROP TABLE {table};\n");
        var migrate = await cli.RunAsync("migrate");
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
    }

    [Fact]
    public async Task Rollback_takes_the_count_positionally_and_names_every_batch_it_touched()
    {
        using var workspace = ThreeBatches(out var cli);
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        await MigrateAsync(workspace, cli, "002_b.sql", "b");
        await MigrateAsync(workspace, cli, "003_c.sql", "c");

        var dry = await cli.RunAsync("rollback", "2", "--dry-run", "--json");
        var rollback = await cli.RunAsync("rollback", "2");

        dry.ExitCode.ShouldBe(0, dry.ToString());
        using (var json = JsonDocument.Parse(dry.Stdout))
        {
            json.RootElement.GetProperty("batches").EnumerateArray().Select(b => b.GetInt32()).ShouldBe([2, 3]);
        }

        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        rollback.Stdout.ShouldContain("003_c (down)");
        rollback.Stdout.ShouldContain("002_b (down)");
        rollback.Stdout.ShouldNotContain("001_a (down)");
        rollback.Stdout.ShouldContain("Rolled back 2 migrations in");
        rollback.Stdout.ShouldContain("(batches 2 and 3): ");
    }

    [Fact]
    public async Task Rollback_all_reverts_everything_and_a_count_plus_an_option_is_refused()
    {
        using var workspace = ThreeBatches(out var cli);
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        await MigrateAsync(workspace, cli, "002_b.sql", "b");

        var both = await cli.RunAsync("rollback", "1", "--steps", "1");
        var all = await cli.RunAsync("rollback", "--all");

        both.ExitCode.ShouldBe(2, both.ToString());
        both.Stderr.ShouldContain("N and --steps cannot be combined");
        all.ExitCode.ShouldBe(0, all.ToString());
        all.Stdout.ShouldContain("Rolled back 2 migrations");
        all.Stdout.ShouldContain("(batches 1 and 2)");
    }

    [Theory]
    [InlineData("003")]
    [InlineData("20240101120000")]
    [InlineData("003_add_orders")]
    public async Task Rollback_refuses_a_positional_that_looks_like_a_version_and_points_to_to(string version)
    {
        using var workspace = ThreeBatches(out var cli);

        var result = await cli.RunAsync("rollback", version);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"rollback takes a count of migrations (e.g. `strata rollback 2`), not '{version}'");
        result.Stderr.ShouldContain($"`strata rollback --to {version}`");
    }

    [Fact]
    public async Task Baseline_takes_the_version_positionally_including_version_0_of_drizzle_numbering()
    {
        using var workspace = new Workspace()
            .Write("0000_initial.sql", "CREATE TABLE a (id INTEGER);\n")
            .Write("0001_more.sql", "CREATE TABLE b (id INTEGER);\n");
        var cli = workspace.Cli();

        var baseline = await cli.RunAsync("baseline", "0");
        var status = await cli.RunAsync("status", "--json");

        baseline.ExitCode.ShouldBe(0, baseline.ToString());
        using var json = JsonDocument.Parse(status.Stdout);
        var entries = json.RootElement.GetProperty("migrations").EnumerateArray().Select(e => e.GetProperty("status").GetString()).ToList();
        entries.ShouldBe(["baselined", "pending"]);
    }

    [Fact]
    public async Task Baseline_with_the_version_option_still_works_and_without_any_version_says_how()
    {
        using var workspace = new Workspace().Write("001_a.sql", "CREATE TABLE a (id INTEGER);\n");
        var cli = workspace.Cli();

        var missing = await cli.RunAsync("baseline");
        var option = await cli.RunAsync("baseline", "--version", "1");

        missing.ExitCode.ShouldBe(2, missing.ToString());
        missing.Stderr.ShouldContain("`strata baseline 42`");
        option.ExitCode.ShouldBe(0, option.ToString());
    }

    [Fact]
    public async Task Migrate_to_is_the_same_as_target()
    {
        using var workspace = new Workspace()
            .Write("001_a.sql", "CREATE TABLE a (id INTEGER);\n")
            .Write("002_b.sql", "CREATE TABLE b (id INTEGER);\n");

        var result = await workspace.Cli().RunAsync("migrate", "--to", "1");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Applied 1 migration");
        result.Stdout.ShouldNotContain("002_b");
    }
}

using System.Text.Json;
using Strata.TestSupport;

namespace Strata.Cli.Tests.Operations;

/// <summary>Canary stages, --max-failures and the plain progress lines of a fleet run.</summary>
public sealed class FleetPolicyTests : FleetCliTest
{
    [Fact]
    public async Task A_failed_canary_starts_none_of_the_other_targets_even_under_continue()
    {
        var tenants = await TenantsAsync(8);
        try
        {
            await tenants[1].ExecuteAsync("CREATE TABLE orders (id int)");

            var result = await Cli().RunAsync("migrate", "--targets", "tenants.txt", "--canary", "3", "--on-error", "continue", "--parallel", "2");

            result.ExitCode.ShouldBe(4, result.ToString());
            result.Stdout.ShouldContain("8 targets: 2 migrated, 1 failed, 5 skipped");
            result.Stdout.ShouldContain($"Stopped: the canary stage (--canary 3) failed on {Shown(tenants[1])}; not started (5): ");
            result.Stdout.ShouldContain("--resume ");
            (await HasHistoryAsync(tenants[0])).ShouldBeTrue();
            (await HasHistoryAsync(tenants[2])).ShouldBeTrue();
            foreach (var tenant in tenants.Skip(3))
            {
                (await HasHistoryAsync(tenant)).ShouldBeFalse(tenant.Name);
            }
        }
        finally
        {
            await DropAsync(tenants);
        }
    }

    [Fact]
    public async Task A_named_canary_runs_before_the_others_and_when_it_passes_the_rest_follow()
    {
        var tenants = await TenantsAsync(5);
        try
        {
            var canary = PostgresUrl.From(tenants[4].ConnectionString);

            var result = await Cli().RunAsync("migrate", "--targets", "tenants.txt", "--canary", canary, "--parallel", "1", "--json");

            result.ExitCode.ShouldBe(0, result.ToString());
            var ledger = Directory.GetFiles(Path.Combine(Workspace.Root, ".strata", "runs")).ShouldHaveSingleItem();
            var started = File.ReadAllLines(ledger).Where(l => l.Contains("\"event\":\"started\"", StringComparison.Ordinal)).ToList();
            started.Count.ShouldBe(5);
            started[0].ShouldContain(tenants[4].Name, customMessage: "the canary starts first");
            using var json = JsonDocument.Parse(result.Stdout);
            json.RootElement.GetProperty("counts").GetProperty("migrated").GetInt32().ShouldBe(5);
            json.RootElement.TryGetProperty("stopped", out _).ShouldBeFalse("the run did not stop early");
        }
        finally
        {
            await DropAsync(tenants);
        }
    }

    [Fact]
    public async Task Max_failures_starts_no_target_after_the_nth_failure_and_names_those_not_started()
    {
        var tenants = await TenantsAsync(6);
        try
        {
            await tenants[0].ExecuteAsync("CREATE TABLE orders (id int)");
            await tenants[2].ExecuteAsync("CREATE TABLE orders (id int)");
            var cli = Cli();

            var result = await cli.RunAsync("migrate", "--targets", "tenants.txt", "--max-failures", "2", "--parallel", "1");

            result.ExitCode.ShouldBe(4, result.ToString());
            result.Stdout.ShouldContain("6 targets: 1 migrated, 2 failed, 3 skipped");
            var notStarted = string.Join(", ", tenants.Skip(3).Select(Shown));
            result.Stdout.ShouldContain($"Stopped: 2 targets failed (--max-failures 2); not started (3): {notStarted}.");
            result.Stdout.ShouldContain("Fix what failed, then run the rest: strata migrate --targets tenants.txt --resume ");
            (await HasHistoryAsync(tenants[3])).ShouldBeFalse();

            var json = await cli.RunAsync("migrate", "--targets", "tenants.txt", "--max-failures", "2", "--parallel", "1", "--json");
            using var document = JsonDocument.Parse(json.Stdout);
            document.RootElement.GetProperty("stopped").GetString().ShouldBe("maxFailures");
        }
        finally
        {
            await DropAsync(tenants);
        }
    }

    [Fact]
    public async Task Without_a_terminal_each_finished_target_is_one_plain_line_before_the_summary()
    {
        var tenants = await TenantsAsync(3);
        try
        {
            var result = await Cli().RunAsync("migrate", "--targets", "tenants.txt", "--parallel", "2");

            result.ExitCode.ShouldBe(0, result.ToString());
            var lines = result.Stdout.Split('\n');
            foreach (var n in new[] { 1, 2, 3 })
            {
                lines.ShouldContain(l => l.StartsWith($"[{n}/3] postgres://", StringComparison.Ordinal) && l.Contains(": migrated (2 applied, ", StringComparison.Ordinal));
            }

            result.Stdout.IndexOf("[3/3]", StringComparison.Ordinal).ShouldBeLessThan(result.Stdout.IndexOf("3 targets: 3 migrated", StringComparison.Ordinal));
            result.Stdout.ShouldNotContain("\u001b[", customMessage: "no cursor movement in a log");
        }
        finally
        {
            await DropAsync(tenants);
        }
    }

    [Fact]
    public async Task Lint_over_a_fleet_lints_what_is_still_to_run_on_each_target()
    {
        var tenants = await TenantsAsync(3);
        try
        {
            Workspace.Write("003_drop.sql", "ALTER TABLE orders DROP COLUMN total;\n");
            var cli = Cli();
            (await cli.RunAsync("migrate", "--database", PostgresUrl.From(tenants[0].ConnectionString))).ExitCode.ShouldBe(0);

            var result = await cli.RunAsync("lint", "--targets", "tenants.txt");

            result.ExitCode.ShouldBe(3, result.ToString());
            result.Stdout.ShouldContain("3 targets: 1 clean, 2 lint errors");
            result.Stdout.ShouldContain("drop-column");
            var refused = await cli.RunAsync("lint", "--targets", "tenants.txt", "--offline");
            refused.ExitCode.ShouldBe(2, refused.ToString());
            refused.Stderr.ShouldContain("--offline cannot be combined with --targets");
        }
        finally
        {
            await DropAsync(tenants);
        }
    }

    [Theory]
    [InlineData("--canary", "nowhere", "--canary: nowhere is not one of the 2 targets")]
    [InlineData("--canary", "0", "--canary 0: expected a count of 1 or more")]
    [InlineData("--max-failures", "0", "--max-failures 0: expected 1 or more")]
    public async Task A_bad_policy_option_is_refused_before_any_target_starts(string option, string value, string message)
    {
        var tenants = await TenantsAsync(2);
        try
        {
            var result = await Cli().RunAsync("migrate", "--targets", "tenants.txt", option, value);

            result.ExitCode.ShouldBe(2, result.ToString());
            result.Stderr.ShouldContain(message);
            (await HasHistoryAsync(tenants[0])).ShouldBeFalse();
        }
        finally
        {
            await DropAsync(tenants);
        }
    }

    [Theory]
    [InlineData("--canary", "2")]
    [InlineData("--schemas", null)]
    [InlineData("--max-failures", "1")]
    public async Task A_fleet_option_without_targets_is_refused(string option, string? value)
    {
        var result = await Cli().RunAsync(value is null ? ["migrate", option] : ["migrate", option, value]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"{option} needs --targets, --targets-sql or --targets-cmd");
    }
}

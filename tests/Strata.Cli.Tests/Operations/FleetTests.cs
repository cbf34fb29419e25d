using System.Text.Json;

namespace Strata.Cli.Tests.Operations;

/// <summary>strata migrate|status --targets over many PostgreSQL databases on the test server: parallel, failure policy, ledger and resume.</summary>
public sealed class FleetTests : FleetCliTest
{
    private const int Tenants = 12;

    [Fact]
    public async Task A_fleet_migrates_every_database_in_parallel_and_a_broken_one_fails_alone_under_continue_then_resume_finishes_it()
    {
        var tenants = await TenantsAsync(Tenants);
        try
        {
            await tenants[5].ExecuteAsync("CREATE TABLE orders (id int)");
            var cli = Cli();

            var first = await cli.RunAsync("migrate", "--targets", "tenants.txt", "--parallel", "4", "--on-error", "continue", "--json");

            first.ExitCode.ShouldBe(4, first.ToString());
            using var json = JsonDocument.Parse(first.Stdout);
            var run = json.RootElement.GetProperty("run").GetString()!;
            var outcomes = json.RootElement.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("target").GetString()!, t => t.GetProperty("outcome").GetString());
            outcomes.Count.ShouldBe(Tenants);
            outcomes.Where(o => o.Value == "failed").Select(o => o.Key).ShouldHaveSingleItem().ShouldEndWith("/" + tenants[5].Name);
            outcomes.Count(o => o.Value == "migrated").ShouldBe(Tenants - 1);
            var ledger = Path.Combine(Workspace.Root, ".strata", "runs", run + ".jsonl");
            File.ReadAllLines(ledger).Count(l => l.Contains("\"event\":\"succeeded\"", StringComparison.Ordinal)).ShouldBe(Tenants - 1);
            (await cli.RunAsync("status", "--targets", "tenants.txt")).ExitCode.ShouldBe(3, "the broken database is still pending");

            await tenants[5].ExecuteAsync("DROP TABLE orders");
            var resumed = await cli.RunAsync("migrate", "--targets", "tenants.txt", "--resume", run, "--json");

            resumed.ExitCode.ShouldBe(0, resumed.ToString());
            using var again = JsonDocument.Parse(resumed.Stdout);
            var counts = again.RootElement.GetProperty("counts");
            counts.GetProperty("migrated").GetInt32().ShouldBe(1);
            counts.GetProperty("done earlier").GetInt32().ShouldBe(Tenants - 1);
            foreach (var tenant in tenants)
            {
                (await tenant.ScalarAsync<long>("SELECT count(*) FROM strata_migrations")).ShouldBe(2, tenant.Name);
            }

            var status = await cli.RunAsync("status", "--targets", "tenants.txt");
            status.ExitCode.ShouldBe(0, status.ToString());
            status.Stdout.ShouldContain($"{Tenants} targets: {Tenants} up to date");
        }
        finally
        {
            foreach (var tenant in tenants)
            {
                await tenant.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Under_stop_a_failure_starts_no_further_database_and_names_the_resume_command()
    {
        var tenants = await TenantsAsync(Tenants);
        try
        {
            await tenants[0].ExecuteAsync("CREATE TABLE orders (id int)");

            var result = await Cli().RunAsync("migrate", "--targets", "tenants.txt", "--parallel", "1");

            result.ExitCode.ShouldBe(4, result.ToString());
            result.Stdout.ShouldContain($"{Tenants} targets: 1 failed, {Tenants - 1} skipped");
            result.Stdout.ShouldContain("--resume ");
            (await tenants[1].ScalarAsync<bool>("SELECT to_regclass('strata_migrations') IS NULL")).ShouldBeTrue();
        }
        finally
        {
            foreach (var tenant in tenants)
            {
                await tenant.DisposeAsync();
            }
        }
    }
}

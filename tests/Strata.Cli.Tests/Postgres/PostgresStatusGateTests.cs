using System.Text.Json;
using Strata.TestSupport;

namespace Strata.Cli.Tests.Postgres;

/// <summary>
/// <c>strata status</c> as a CI gate on PostgreSQL: exit 3 while anything is pending, JSON for scripts. The gate
/// runs as a real process in the project folder, as a CI step runs it.
/// </summary>
public sealed class PostgresStatusGateTests : PostgresCliTest
{
    [Fact]
    public async Task Status_exits_3_with_a_pending_migration_and_its_json_lists_it_as_pending()
    {
        Workspace.CopySample("postgres-timestamps");
        var cli = Cli();
        (await cli.RunAsync("migrate", "--target", "20240101120000123")).ExitCode.ShouldBe(0);

        var status = await GateAsync("status");
        var json = await GateAsync("status", "--json");

        status.ExitCode.ShouldBe(3, status.ToString());
        status.Stdout.ShouldContain("2 applied, 1 pending");
        status.Stdout.ShouldContain("strata migrate");
        json.ExitCode.ShouldBe(3, json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        var root = document.RootElement;
        root.GetProperty("clean").GetBoolean().ShouldBeFalse();
        root.GetProperty("summary").GetProperty("pending").GetInt32().ShouldBe(1);
        root.GetProperty("summary").GetProperty("applied").GetInt32().ShouldBe(2);
        var pending = root.GetProperty("migrations").EnumerateArray().Where(m => m.GetProperty("status").GetString() == "pending").ToList();
        pending.Count.ShouldBe(1);
        pending[0].GetProperty("version").GetInt64().ShouldBe(20240102090000000);
        pending[0].GetProperty("name").GetString().ShouldBe("20240102090000000_index_accounts_email");
        pending[0].GetProperty("file").GetString().ShouldBe("migrations/20240102090000000_index_accounts_email.sql");

        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        var clean = await GateAsync("status", "--json");
        clean.ExitCode.ShouldBe(0, clean.ToString());
        using var after = JsonDocument.Parse(clean.Stdout);
        after.RootElement.GetProperty("clean").GetBoolean().ShouldBeTrue();
    }

    private Task<CliResult> GateAsync(params string[] args) =>
        StrataProcess.RunAsync(Workspace.Root, ProcessVariables(), TimeSpan.FromSeconds(60), args);
}

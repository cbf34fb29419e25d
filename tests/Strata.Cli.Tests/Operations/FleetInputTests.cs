using System.Text.Json;

namespace Strata.Cli.Tests.Operations;

/// <summary>
/// Bad fleet input a user can give, on SQLite tenants (no server needed): each is exit 2 before any target starts, with
/// a message naming the file and line (or the run) and the fix.
/// </summary>
public sealed class FleetInputTests
{
    [Fact]
    public async Task A_missing_or_empty_targets_file_is_bad_input_naming_it()
    {
        using var workspace = Tenants(3);
        File.WriteAllText(Path.Combine(workspace.Root, "empty.txt"), "# no tenants yet\n\n");
        var cli = workspace.Cli();

        var missing = await cli.RunAsync("migrate", "--targets", "missing.txt");
        var empty = await cli.RunAsync("migrate", "--targets", "empty.txt");

        missing.ExitCode.ShouldBe(2, missing.ToString());
        missing.Stderr.ShouldContain("--targets missing.txt: no such file");
        empty.ExitCode.ShouldBe(2, empty.ToString());
        empty.Stderr.ShouldContain("--targets empty.txt lists no database");
        File.Exists(Path.Combine(workspace.Root, "tenant1.db")).ShouldBeFalse("no target starts");
    }

    [Theory]
    [InlineData("postgres://app@db:99999/shop", "tenants.txt:7: the database URL is malformed")]
    [InlineData("mysql://app@db/shop", "tenants.txt:7: the database URL scheme 'mysql' is not supported")]
    [InlineData("staging", "tenants.txt:7 'staging' is neither a database URL nor an environment declared in strata.json")]
    public async Task A_bad_target_on_line_7_names_the_file_and_line_and_nothing_starts(string line, string message)
    {
        using var workspace = Tenants(5);
        File.AppendAllText(Path.Combine(workspace.Root, "tenants.txt"), line + "\n");

        var result = await workspace.Cli().RunAsync("migrate", "--targets", "tenants.txt");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain(message);
        File.Exists(Path.Combine(workspace.Root, "tenant1.db")).ShouldBeFalse("no target starts");
    }

    [Fact]
    public async Task A_target_listed_twice_is_refused_naming_both_lines()
    {
        using var workspace = Tenants(3);
        File.AppendAllText(Path.Combine(workspace.Root, "tenants.txt"), "sqlite:tenant1.db\n");

        var result = await workspace.Cli().RunAsync("migrate", "--targets", "tenants.txt");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("tenants.txt:5: sqlite:tenant1.db is listed again (first at tenants.txt:2)");
    }

    [Fact]
    public async Task Resuming_an_unknown_run_is_bad_input_naming_the_ledger_folder()
    {
        using var workspace = Tenants(2);

        var result = await workspace.Cli().RunAsync("migrate", "--targets", "tenants.txt", "--resume", "20200101T000000Z-0000");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("no run ledger");
        result.Stderr.ShouldContain("20200101T000000Z-0000.jsonl");
        result.Stderr.ShouldContain(".strata/runs/");
    }

    [Fact]
    public async Task Resuming_a_status_run_with_migrate_is_refused_instead_of_skipping_every_pending_target()
    {
        using var workspace = Tenants(3);
        var (cli, run) = await PendingStatusRunAsync(workspace);

        var resumed = await cli.RunAsync("migrate", "--targets", "tenants.txt", "--resume", run);

        resumed.ExitCode.ShouldBe(2, resumed.ToString());
        resumed.Stderr.ShouldContain($"run {run} was a status run, not a migrate run");
        resumed.Stderr.ShouldContain($"strata status --targets … --resume {run}");
        (await cli.RunAsync("status", "--targets", "tenants.txt")).ExitCode.ShouldBe(3, "nothing was migrated");
    }

    [Fact]
    public async Task A_resumed_status_run_reads_every_target_again_and_still_reports_the_pending_ones()
    {
        using var workspace = Tenants(3);
        var (cli, run) = await PendingStatusRunAsync(workspace);

        var resumed = await cli.RunAsync("status", "--targets", "tenants.txt", "--resume", run);

        resumed.ExitCode.ShouldBe(3, resumed.ToString());
        resumed.Stdout.ShouldNotContain("done earlier");
    }

    /// <summary>Three empty tenant files and a fleet status run over them (every target pending, exit 3); its run id.</summary>
    private static async Task<(Cli Cli, string Run)> PendingStatusRunAsync(Workspace workspace)
    {
        foreach (var i in new[] { 1, 2, 3 })
        {
            File.WriteAllBytes(Path.Combine(workspace.Root, $"tenant{i}.db"), []);
        }

        var cli = workspace.Cli();
        var status = await cli.RunAsync("status", "--targets", "tenants.txt", "--json");
        status.ExitCode.ShouldBe(3, status.ToString());
        using var json = JsonDocument.Parse(status.Stdout);
        return (cli, json.RootElement.GetProperty("run").GetString()!);
    }

    /// <summary>A workspace with two migrations and tenants.txt: a comment line, then <paramref name="count"/> SQLite files.</summary>
    private static Workspace Tenants(int count)
    {
        var workspace = new Workspace()
            .Write("001_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC);\n")
            .Write("002_index.sql", "CREATE INDEX orders_total ON orders (total);\n");
        File.WriteAllLines(Path.Combine(workspace.Root, "tenants.txt"), ["# one file per tenant", .. Enumerable.Range(1, count).Select(i => $"sqlite:tenant{i}.db")]);
        return workspace;
    }
}

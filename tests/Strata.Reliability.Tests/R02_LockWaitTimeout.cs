using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Strata.Errors;
using Strata.Execution;
using Strata.PostgreSql;
using Strata.Reliability.Tests.Concurrency;
using Strata.Sources;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests;

/// <summary>
/// R02 — lock-wait timeout: a plain session (as psql would) holds Strata's advisory lock key, derived here the way
/// Strata derives it. <c>strata migrate --lock-timeout 5</c> and a library migrator with a 5 s lock timeout, waiting at
/// the same time, both give up after 5 s (CLI exit 5) naming the holder's pid and application_name; the history is
/// unchanged, and afterwards no lock request of theirs waits and no session of theirs is left on the server.
/// </summary>
public sealed partial class R02_LockWaitTimeout(ITestOutputHelper output) : PostgresTestBase
{
    private const int LockTimeoutSeconds = 5;

    // The spec: "exit 5 within 5±1 s". Full size holds the reported wait to 5–6 s and the whole process (with the
    // .NET start) to 7 s; CI, sharing two cores with other suites, only bounds them loosely.
    private static readonly double MaxWait = ReliabilitySize.Pick(ci: 8, full: 6);
    private static readonly double MaxWall = ReliabilitySize.Pick(ci: 15, full: 7);

    [Fact]
    public async Task Cli_and_library_give_up_after_the_lock_timeout_naming_the_holder_and_leave_nothing_behind()
    {
        using var work = new TempDirectory();
        var folder = Path.Combine(work.Path, "migrations");
        work.WriteFile("migrations/001_first.sql", "CREATE TABLE r02_one (id int);\n");
        (await StrataCli.RunAsync(Database, work.Path, null, TimeSpan.FromSeconds(60), "migrate")).ExitCode.ShouldBe(0);
        work.WriteFile("migrations/002_second.sql", "CREATE TABLE r02_two (id int);\n");
        var activity = new ServerActivity(Database);
        await using var holder = await HoldLockAsync();
        var holderPid = holder.ProcessID;
        var baseline = await OtherSessionsAsync(activity);

        using var cli = StrataCli.Start(Database, work.Path, "r02-cli", "migrate", "--lock-timeout", LockTimeoutSeconds.ToString(CultureInfo.InvariantCulture));
        var library = Task.Run(() => MigrateInProcessAsync(folder));
        var waiterPids = await WatchWaitersAsync(activity, cli, library);
        var result = await cli.WaitAsync(TimeSpan.FromSeconds(60));
        var error = await library;
        output.WriteLine($"CLI: {cli.Elapsed.TotalSeconds:0.00} s wall, library: waited {error.Waited.TotalSeconds:0.00} s; waiter backends {string.Join(", ", waiterPids)}\n{result}");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain($"pid {holderPid}", Case.Sensitive, result.ToString());
        result.Stderr.ShouldContain("application_name 'r02-psql'", Case.Sensitive, result.ToString());
        ReportedWait(result.Stderr).ShouldBeInRange(LockTimeoutSeconds, MaxWait, result.ToString());
        cli.Elapsed.TotalSeconds.ShouldBeInRange(LockTimeoutSeconds, MaxWall, result.ToString());
        error.Holder.ShouldContain($"pid {holderPid}");
        error.Holder.ShouldContain("application_name 'r02-psql'");
        error.Waited.TotalSeconds.ShouldBeInRange(LockTimeoutSeconds, MaxWait);

        (await HistoryRows.RowsAsync(Database)).ShouldBe(["1:succeeded"], "the history is unchanged");
        (await Database.ScalarAsync<bool>("SELECT to_regclass('r02_two') IS NULL")).ShouldBeTrue();
        waiterPids.ShouldNotBeEmpty("the waiters' server processes were seen while they waited");
        (await activity.WaitingLocksAsync()).ShouldBeEmpty("no lock request waits after the timeout");
        await activity.NoBackendsLeftAsync("r02-cli", TimeSpan.FromSeconds(10));
        await activity.NoBackendsLeftAsync("r02-lib", TimeSpan.FromSeconds(10));
        (await OtherSessionsAsync(activity)).ShouldBe(baseline, "pg_stat_activity is back to the baseline: no orphaned session");
        (await activity.AdvisoryHoldersAsync("r02-psql")).ShouldBe([holderPid], "the holder still holds its lock");
    }

    /// <summary>A session holding the default history table's lock key, as <c>SELECT pg_advisory_lock(…)</c> in psql would.</summary>
    private async Task<NpgsqlConnection> HoldLockAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { ApplicationName = "r02-psql", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new NpgsqlParameter<long> { TypedValue = StrataLockKey.Default } } };
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private async Task<LockTimeoutException> MigrateInProcessAsync(string folder)
    {
        var dialect = new PostgreSqlDialect(Database.ConnectionString, new PostgreSqlOptions { ApplicationName = "r02-lib" });
        var migrator = new Migrator(dialect, new DirectoryMigrationSource(folder), new MigratorOptions { LockTimeout = TimeSpan.FromSeconds(LockTimeoutSeconds) });
        return await Should.ThrowAsync<LockTimeoutException>(() => migrator.MigrateAsync());
    }

    /// <summary>The server processes of both waiters, collected while they wait.</summary>
    private static async Task<List<int>> WatchWaitersAsync(ServerActivity activity, StrataProcess cli, Task library)
    {
        var pids = new SortedSet<int>();
        while (!cli.HasExited || !library.IsCompleted)
        {
            pids.UnionWith((await activity.BackendsAsync("r02-")).Where(b => b.ApplicationName != "r02-psql").Select(b => b.Pid));
            await Task.Delay(100);
        }

        return [.. pids];
    }

    /// <summary>The sessions on this database other than the tests' own administrative ones.</summary>
    private static async Task<List<string>> OtherSessionsAsync(ServerActivity activity) =>
        (await activity.BackendsAsync("r02-")).Select(b => $"{b.Pid} {b.ApplicationName}").ToList();

    private static double ReportedWait(string stderr)
    {
        var match = WaitedText().Match(stderr);
        match.Success.ShouldBeTrue("the message says how long it waited:\n" + stderr);
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"timed out after (\d+(?:\.\d+)?) s waiting for the migration lock")]
    private static partial Regex WaitedText();
}

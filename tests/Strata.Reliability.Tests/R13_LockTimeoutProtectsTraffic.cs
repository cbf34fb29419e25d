using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Strata.Reliability.Tests.Concurrency;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests;

/// <summary>
/// R13 — lock_timeout protects traffic: a session holds ACCESS SHARE on table t in an open transaction, a reader
/// selects from t every 50 ms, and a migration runs <c>ALTER TABLE t ADD COLUMN</c>. Each attempt waits for its ACCESS
/// EXCLUSIVE lock only up to the statement lock timeout, fails with 55P03 and is retried (printed); the reader, queued
/// behind the waiting ALTER, is never held up much longer than that timeout. Exit 4 when the blocker stays; exit 0
/// when it commits during the retries.
/// </summary>
public sealed partial class R13_LockTimeoutProtectsTraffic(ITestOutputHelper output) : PostgresTestBase
{
    // Full size runs the defaults (5 s lock_timeout, 3 retries), CI a 1 s timeout and 2 retries.
    private static readonly double TimeoutSeconds = ReliabilitySize.Pick(ci: 1, full: 5);
    private static readonly int Retries = ReliabilitySize.Pick(ci: 2, full: 3);

    // The spec: each attempt fails after the timeout ± 0.5 s and the reader's worst latency stays below timeout + 0.5 s
    // (the full size checks exactly that). CI shares two cores with other suites and has missed 1.5 s under a load
    // average of 20, so it allows 3 s: without lock_timeout the reader would wait behind the ALTER for as long as
    // the blocker holds on (the whole run), so a regression still fails.
    private static readonly double Slack = ReliabilitySize.Full ? 0.5 : 3;

    [Fact]
    public async Task Every_attempt_gives_up_after_the_lock_timeout_and_the_run_exits_4_while_the_blocker_stays()
    {
        await using var blocker = await SetUpAsync();
        var (result, traffic) = await MigrateUnderTrafficAsync(onFirstFailure: null);

        result.ExitCode.ShouldBe(4, result.ToString());
        result.Stderr.ShouldContain("55P03", Case.Sensitive, result.ToString());
        RetryLines().Count(result.Stderr).ShouldBe(Retries, "each retry is printed\n" + result);
        traffic.Waits.Count.ShouldBe(Retries + 1, "one lock wait per attempt: " + Describe(traffic));
        traffic.Waits.ShouldAllBe(w => w.TotalSeconds > TimeoutSeconds - 0.25 && w.TotalSeconds < TimeoutSeconds + Slack, Describe(traffic));
        traffic.MaxLatency.TotalSeconds.ShouldBeLessThan(TimeoutSeconds + Slack, Describe(traffic));
        (await Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'extra'")).ShouldBe(0);
        (await HistoryRows.RowsAsync(Database)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_run_succeeds_when_the_blocker_commits_during_the_retries()
    {
        await using var blocker = await SetUpAsync();
        var (result, traffic) = await MigrateUnderTrafficAsync(onFirstFailure: async () =>
        {
            await using var commit = new NpgsqlCommand("COMMIT", blocker);
            await commit.ExecuteNonQueryAsync();
        });

        result.ExitCode.ShouldBe(0, result.ToString());
        RetryLines().Count(result.Stderr).ShouldBe(1, "the first retry is printed, the second attempt succeeds\n" + result);
        traffic.Waits[0].TotalSeconds.ShouldBeInRange(TimeoutSeconds - 0.25, TimeoutSeconds + Slack, Describe(traffic));
        traffic.MaxLatency.TotalSeconds.ShouldBeLessThan(TimeoutSeconds + Slack, Describe(traffic));
        (await Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'extra'")).ShouldBe(1);
        (await HistoryRows.RowsAsync(Database)).ShouldBe(["1:succeeded"]);
    }

    /// <summary>Creates t and returns a session inside a transaction that holds ACCESS SHARE on t (until COMMIT or dispose).</summary>
    private async Task<NpgsqlConnection> SetUpAsync()
    {
        await Database.ExecuteAsync("CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 100)");
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { ApplicationName = "r13-blocker", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("BEGIN; SELECT count(*) FROM t", connection);
        await select.ExecuteNonQueryAsync();
        return connection;
    }

    private async Task<(CliResult Result, TableTraffic Traffic)> MigrateUnderTrafficAsync(Func<Task>? onFirstFailure)
    {
        using var work = new TempDirectory();
        work.WriteFile("migrations/001_t_extra.sql", "ALTER TABLE t ADD COLUMN extra int;\n");
        string[] args = ReliabilitySize.Full
            ? ["migrate"]
            : ["migrate", "--statement-lock-timeout", TimeoutSeconds.ToString(CultureInfo.InvariantCulture), "--lock-retries", Retries.ToString(CultureInfo.InvariantCulture)];
        var traffic = TableTraffic.Start(Database, "t", "r13-strata");
        try
        {
            using var run = StrataCli.Start(Database, work.Path, "r13-strata", args);
            if (onFirstFailure is not null)
            {
                await Poll.UntilAsync(() => traffic.Waits.Count > 0, TimeSpan.FromSeconds(60), "the first attempt to give up");
                await onFirstFailure();
            }

            var result = await run.WaitAsync(TimeSpan.FromSeconds(120));
            await Task.Delay(200);
            output.WriteLine($"{Describe(traffic)}\n{result}");
            return (result, traffic);
        }
        finally
        {
            await traffic.DisposeAsync();
        }
    }

    private static string Describe(TableTraffic traffic) =>
        $"lock waits {string.Join(", ", traffic.Waits.Select(w => w.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"))}; "
        + $"reader: {traffic.Reads} reads, slowest {traffic.MaxLatency.TotalSeconds:0.00} s";

    [GeneratedRegex(@"trying again in [\d.]+ s \(try \d+ of \d+\)")]
    private static partial Regex RetryLines();
}

using System.Globalization;
using Npgsql;
using Strata.Reliability.Tests.Concurrency;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests;

/// <summary>
/// R06 — <c>CREATE INDEX CONCURRENTLY</c> with waiters: one runner builds an index concurrently (a no-transaction
/// migration) on a large table while four more runners wait for the migration lock. CONCURRENTLY waits for every
/// transaction holding a snapshot; a waiter that waited inside a transaction would deadlock it (Flyway #1654). All five
/// must exit 0, and while they wait the waiters' sessions must be idle with no snapshot (<c>backend_xmin</c> NULL).
/// </summary>
public sealed class R06_ConcurrentlyWithWaiters(ITestOutputHelper output) : PostgresTestBase
{
    private const int Waiters = 4;
    private const long GateKey = 6_060_606;
    private static readonly int Rows = ReliabilitySize.Pick(ci: 100_000, full: 1_000_000);

    [Fact]
    public async Task Four_waiters_stay_idle_without_snapshot_while_the_holder_builds_an_index_concurrently()
    {
        await Database.ExecuteAsync($"CREATE TABLE big AS SELECT g AS id, md5(g::text) AS val FROM generate_series(1, {Rows.ToString(CultureInfo.InvariantCulture)}) g");
        using var work = new TempDirectory();

        // The holder first waits on a gate the test holds, so the index build starts only once all four wait.
        work.WriteFile(
            "migrations/001_big_val_index.sql",
            $"-- strata:no-transaction\nSELECT pg_advisory_lock({GateKey});\nSELECT pg_advisory_unlock({GateKey});\nCREATE INDEX CONCURRENTLY big_val_idx ON big (val);\n");
        work.WriteFile("migrations/002_big_note.sql", "ALTER TABLE big ADD COLUMN note text;\n");
        var activity = new ServerActivity(Database);
        var runners = new List<StrataProcess>();
        try
        {
            await using var gate = await HoldGateAsync();
            await StartBehindTheGateAsync(activity, work.Path, runners);
            var before = await SampleWaitersAsync(activity, Task.Delay(500));
            await using (gate)
            {
                // Disposing the gate connection opens it: the index build starts now.
            }

            var done = Task.WhenAll(runners.Select(r => r.WaitAsync(TimeSpan.FromSeconds(120))));
            var samples = before + await SampleWaitersAsync(activity, done);
            var results = await done;
            var report = string.Join("\n=====\n", results.Select(r => r.ToString()));
            output.WriteLine($"{samples}\n{report}");

            results.ShouldAllBe(r => r.ExitCode == 0, report);
            report.ShouldNotContain("deadlock", Case.Insensitive);
            samples.Violations.ShouldBeEmpty("waiters are idle, outside any transaction, without a snapshot");
            samples.Idle.ShouldBeGreaterThan(0, "the waiters were sampled while they waited");
            RunnerOutcome.AppliedNames(results[0].Stdout).ShouldBe(["001_big_val_index", "002_big_note"], report);
            results.Skip(1).ShouldAllBe(r => r.Stdout.Contains("Already up to date"), report);
            (await Database.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'big_val_idx'::regclass")).ShouldBeTrue();
            (await HistoryRows.RowsAsync(Database)).ShouldBe(["1:succeeded", "2:succeeded"]);
        }
        finally
        {
            runners.ForEach(r => r.Dispose());
        }
    }

    /// <summary>Starts the holder, lets it reach the gate, then starts the waiters and returns once all four poll for the lock.</summary>
    private async Task StartBehindTheGateAsync(ServerActivity activity, string folder, List<StrataProcess> runners)
    {
        runners.Add(StrataCli.Start(Database, folder, "r06-h", "migrate", "--lock-timeout", "300"));
        await Poll.UntilAsync(async () => (await activity.BackendsAsync("r06-h")).Any(b => b.WaitEvent == "advisory"), TimeSpan.FromSeconds(60), "the holder to reach the gate");
        for (var i = 0; i < Waiters; i++)
        {
            // A waiter that blocked the index build would wait until its lock timeout and exit 5.
            runners.Add(StrataCli.Start(Database, folder, $"r06-w-{i}", "migrate", "--lock-timeout", "60"));
        }

        await Poll.UntilAsync(
            async () => (await activity.BackendsAsync("r06-w-")).Count(b => b.Query.Contains("pg_try_advisory_lock", StringComparison.Ordinal)) == Waiters,
            TimeSpan.FromSeconds(60),
            "all four waiters to poll for the lock");
    }

    private async Task<NpgsqlConnection> HoldGateAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { ApplicationName = "r06-gate", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({GateKey})", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>
    /// Samples the waiters' sessions while the holder holds the migration lock (a sample counts only when the holder
    /// held it before and after it). A waiter idle with a snapshot, or idle in a transaction, is a violation; one
    /// caught running its poll statement is counted apart (that lasts microseconds).
    /// </summary>
    private static async Task<Samples> SampleWaitersAsync(ServerActivity activity, Task done)
    {
        var samples = new Samples(0, 0, []);
        while (!done.IsCompleted && (await activity.AdvisoryHoldersAsync("r06-h")).Count > 0)
        {
            var waiters = await activity.BackendsAsync("r06-w-");
            if ((await activity.AdvisoryHoldersAsync("r06-h")).Count == 0)
            {
                break;
            }

            samples += new Samples(
                waiters.Count(b => b.State == "idle" && !b.HasSnapshot),
                waiters.Count(b => b.State == "active"),
                waiters.Where(b => b.State != "active" && (b.State != "idle" || b.HasSnapshot)).Select(b => b.ToString()).ToList());
            await Task.Delay(20);
        }

        return samples;
    }

    /// <summary>Waiter sessions seen idle without snapshot, seen running their poll, and seen otherwise (violations).</summary>
    private sealed record Samples(int Idle, int Polling, IReadOnlyList<string> Violations)
    {
        public static Samples operator +(Samples a, Samples b) => new(a.Idle + b.Idle, a.Polling + b.Polling, [.. a.Violations, .. b.Violations]);

        public override string ToString() =>
            $"{Idle} waiter samples idle without snapshot, {Polling} polling; violations: {(Violations.Count == 0 ? "none" : string.Join("; ", Violations))}";
    }
}

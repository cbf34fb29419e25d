using System.Diagnostics;
using System.Globalization;
using Strata.Execution;
using Strata.PostgreSql;
using Strata.Reliability.Tests.Concurrency;
using Strata.Sources;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests;

/// <summary>
/// R09 — kill fuzz: <c>strata migrate</c> of 10 transactional migrations is killed with SIGKILL at a random instant
/// of its work, then run again normally. After every kill the history rows must match exactly the migrations whose
/// objects exist (no row without its objects, no objects without their row, never part of a migration), with no
/// unfinished row; every rerun exits 0 and leaves the reference schema. CI: 15 kills; full: 200. The random seed is
/// printed; set STRATA_R09_SEED to replay a run.
/// </summary>
public sealed class R09_KillFuzz(ITestOutputHelper output) : PostgresTestBase
{
    private const int Migrations = 10;
    private static readonly int Kills = ReliabilitySize.Pick(ci: 15, full: 200);

    [Fact]
    public async Task After_every_kill_history_matches_the_objects_and_the_rerun_completes()
    {
        using var work = new TempDirectory();
        var folder = Path.Combine(work.Path, "migrations");
        MigrationFolders.KillFuzz(folder, Migrations, sleepMs: 30);
        await new Migrator(new PostgreSqlDialect(Database.ConnectionString), new DirectoryMigrationSource(folder)).MigrateAsync();
        var reference = await SchemaSnapshot.ReadAsync(Database);
        var span = await MeasureWorkSpanAsync(work.Path);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("STRATA_R09_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var random = new Random(seed);
        output.WriteLine($"seed {seed}; kills at 0–{span.TotalMilliseconds:0} ms after the runner reached the server");

        var appliedAtKill = new List<int>();
        for (var run = 1; run <= Kills; run++)
        {
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * span.TotalMilliseconds);
            var context = $"seed {seed}, run {run}, kill {delay.TotalMilliseconds:0} ms after connecting";
            await using var database = await Server.CreateDatabaseAsync();
            var state = await KillAsync(database, work.Path, delay);
            output.WriteLine($"run {run}: {delay.TotalMilliseconds:0} ms: {state}");

            state.Partial.ShouldBeEmpty($"{context}: no migration is ever partly applied; {state}");
            state.History.ShouldAllBe(r => r.EndsWith(":succeeded", StringComparison.Ordinal), $"{context}: no unfinished row for a transactional migration; {state}");
            state.Succeeded.ShouldBe(state.Complete, $"{context}: the history rows are exactly the migrations whose objects exist; {state}");
            appliedAtKill.Add(state.Complete.Count);

            var rerun = await StrataCli.RunAsync(database, work.Path, "r09-rerun", TimeSpan.FromSeconds(120), "migrate");
            rerun.ExitCode.ShouldBe(0, $"{context}: the rerun\n{rerun}");
            (await HistoryRows.RowsAsync(database)).ShouldBe(Enumerable.Range(1, Migrations).Select(v => v.ToString(CultureInfo.InvariantCulture) + ":succeeded"), context);
            (await SchemaSnapshot.ReadAsync(database)).ShouldBe(reference, $"{context}: the schema after the rerun differs from the reference");
        }

        output.WriteLine("migrations applied when killed: " + string.Join(" ", appliedAtKill));
        appliedAtKill.ShouldContain(n => n > 0 && n < Migrations, "some kills landed in the middle of the apply (seed " + seed + ")");
    }

    /// <summary>
    /// One undisturbed run on a scratch database: from reaching the server until the last history row is there, plus
    /// a tenth, so kills spread over the apply and a few land just after it.
    /// </summary>
    private async Task<TimeSpan> MeasureWorkSpanAsync(string folder)
    {
        await using var database = await Server.CreateDatabaseAsync();
        var activity = new ServerActivity(database);
        using var run = StrataCli.Start(database, folder, "r09-run", "migrate");
        await Poll.UntilAsync(async () => run.HasExited || (await activity.BackendsAsync("r09-run")).Count > 0, TimeSpan.FromSeconds(60), "the runner to connect");
        var clock = Stopwatch.StartNew();
        await Poll.UntilAsync(async () => (await HistoryRows.RowsAsync(database)).Count == Migrations, TimeSpan.FromSeconds(60), "the calibration run to apply everything");
        var span = clock.Elapsed * 1.1;
        var result = await run.WaitAsync(TimeSpan.FromSeconds(120));
        result.ExitCode.ShouldBe(0, result.ToString());
        return span;
    }

    /// <summary>Starts a run, kills it <paramref name="delay"/> after it reached the server, waits for its server process to end.</summary>
    private static async Task<KillFuzzState> KillAsync(TestDatabase database, string folder, TimeSpan delay)
    {
        var activity = new ServerActivity(database);
        using (var run = StrataCli.Start(database, folder, "r09-run", "migrate"))
        {
            await Poll.UntilAsync(async () => run.HasExited || (await activity.BackendsAsync("r09-run")).Count > 0, TimeSpan.FromSeconds(60), "the runner to connect");
            await Task.Delay(delay);
            run.Kill();
        }

        await activity.NoBackendsLeftAsync("r09-run", TimeSpan.FromSeconds(15));
        return await KillFuzzState.ReadAsync(database, Migrations);
    }
}

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
        var seed = int.TryParse(Environment.GetEnvironmentVariable("STRATA_R09_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var random = new Random(seed);
        output.WriteLine($"seed {seed}");

        var appliedAtKill = new List<int>();
        for (var run = 1; run <= Kills; run++)
        {
            var instant = KillInstant.Pick(random, Migrations);
            var context = $"seed {seed}, run {run}, kill {instant}";
            await using var database = await Server.CreateDatabaseAsync();
            var state = await KillAsync(database, work.Path, instant);
            output.WriteLine($"run {run}: {instant}: {state}");

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
    /// Starts a run and kills it at <paramref name="instant"/>: once it has reached the server and recorded the chosen
    /// number of migrations, after the chosen extra pause. Then waits for its server process to end.
    /// </summary>
    private static async Task<KillFuzzState> KillAsync(TestDatabase database, string folder, KillInstant instant)
    {
        var activity = new ServerActivity(database);
        using (var run = StrataCli.Start(database, folder, "r09-run", "migrate"))
        {
            await Poll.UntilAsync(async () => run.HasExited || (await activity.BackendsAsync("r09-run")).Count > 0, TimeSpan.FromSeconds(60), "the runner to connect");
            await Poll.UntilAsync(async () => run.HasExited || (await HistoryRows.RowsAsync(database)).Count >= instant.AfterRows, TimeSpan.FromSeconds(60), $"{instant.AfterRows} history rows");
            await Task.Delay(instant.Pause);
            run.Kill();
        }

        await activity.NoBackendsLeftAsync("r09-run", TimeSpan.FromSeconds(15));
        return await KillFuzzState.ReadAsync(database, Migrations);
    }
}

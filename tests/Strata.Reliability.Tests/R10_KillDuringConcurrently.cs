using System.Globalization;
using Npgsql;
using Strata.Reliability.Tests.Concurrency;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests;

/// <summary>
/// R10 — SIGKILL during a no-transaction <c>CREATE INDEX CONCURRENTLY</c>: the build is held at its last phase by an
/// old snapshot, the runner is killed there, and the server abandons the build, leaving an invalid index. The history
/// shows the migration started (never succeeded); the next <c>migrate</c> exits 2 naming the migration and the invalid
/// index and changes nothing; <c>status</c> exits non-zero; after dropping the index and <c>mark-rolled-back 2</c>
/// (audited) the rerun succeeds.
/// </summary>
public sealed class R10_KillDuringConcurrently(ITestOutputHelper output) : PostgresTestBase
{
    private static readonly int Rows = ReliabilitySize.Pick(ci: 100_000, full: 1_000_000);

    [Fact]
    public async Task A_killed_concurrent_index_build_is_reported_with_its_invalid_index_until_resolved()
    {
        await Database.ExecuteAsync($"CREATE TABLE big AS SELECT g AS id, md5(g::text) AS val FROM generate_series(1, {Rows.ToString(CultureInfo.InvariantCulture)}) g");
        using var work = new TempDirectory();
        work.WriteFile("migrations/001_first.sql", "CREATE TABLE r10_one (id int);\n");
        work.WriteFile("migrations/002_big_index.sql", "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY big_val_idx ON big (val);\n");
        work.WriteFile("migrations/003_third.sql", "CREATE TABLE r10_three (id int);\n");
        await KillInsideTheIndexBuildAsync(work.Path);

        (await HistoryRows.RowsAsync(Database)).ShouldBe(["1:succeeded", "2:started"]);
        (await Database.ScalarAsync<bool>("SELECT NOT indisvalid FROM pg_index WHERE indexrelid = 'big_val_idx'::regclass")).ShouldBeTrue("the abandoned build left an invalid index");

        var refused = await RunAsync(work.Path, "migrate");
        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Stderr.ShouldContain("002_big_index", Case.Sensitive, refused.ToString());
        refused.Stderr.ShouldContain("big_val_idx", Case.Sensitive, refused.ToString());
        (await HistoryRows.RowsAsync(Database)).ShouldBe(["1:succeeded", "2:started"], "the refused run changed nothing");
        (await Database.ScalarAsync<bool>("SELECT to_regclass('r10_three') IS NULL")).ShouldBeTrue();
        var status = await RunAsync(work.Path, "status");
        status.ExitCode.ShouldNotBe(0, status.ToString());
        status.Stdout.ShouldContain("unfinished", Case.Sensitive, status.ToString());
        status.Stdout.ShouldContain("big_val_idx", Case.Sensitive, status.ToString());

        await Database.ExecuteAsync("DROP INDEX big_val_idx");
        var resolved = await RunAsync(work.Path, "mark-rolled-back", "2");
        resolved.ExitCode.ShouldBe(0, resolved.ToString());
        (await Database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations_audit WHERE action = 'mark-rolled-back' AND version = 2")).ShouldBe(1, "the resolution is audited");
        var rerun = await RunAsync(work.Path, "migrate");
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        RunnerOutcome.AppliedNames(rerun.Stdout).ShouldBe(["002_big_index", "003_third"], rerun.ToString());
        (await HistoryRows.RowsAsync(Database)).ShouldBe(["1:succeeded", "2:succeeded", "3:succeeded"]);
        (await Database.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'big_val_idx'::regclass")).ShouldBeTrue();
        output.WriteLine($"{refused}\n{status}\n{resolved}\n{rerun}");
    }

    /// <summary>
    /// Holds an old snapshot so the build stops at its last phase (waiting for older snapshots, with the index already
    /// in the catalog), kills the runner there, and lets the snapshot go only once the server has ended the build.
    /// </summary>
    private async Task KillInsideTheIndexBuildAsync(string folder)
    {
        var activity = new ServerActivity(Database);
        await using var snapshot = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { ApplicationName = "r10-snapshot", Pooling = false }.ConnectionString);
        await snapshot.OpenAsync();
        await using var transaction = await snapshot.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using (var take = new NpgsqlCommand("SELECT 1", snapshot, transaction))
        {
            await take.ExecuteScalarAsync();
        }

        using (var runner = StrataCli.Start(Database, folder, "r10-a", "migrate"))
        {
            await Poll.UntilAsync(
                async () => (await activity.BackendsAsync("r10-a")).Any(b => b.Query.Contains("CONCURRENTLY", StringComparison.Ordinal) && b.WaitEvent == "virtualxid"),
                TimeSpan.FromSeconds(120),
                "the index build to wait for the old snapshot");
            runner.Kill();
        }

        await activity.NoBackendsLeftAsync("r10-a", TimeSpan.FromSeconds(15));
        await transaction.RollbackAsync();
    }

    private Task<CliResult> RunAsync(string folder, params string[] args) =>
        StrataCli.RunAsync(Database, folder, "r10-b", TimeSpan.FromSeconds(120), args);
}

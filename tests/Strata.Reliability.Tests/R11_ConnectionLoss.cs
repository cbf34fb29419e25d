using System.Globalization;
using Strata.Errors;
using Strata.Execution;
using Strata.PostgreSql;
using Strata.Reliability.Tests.Concurrency;
using Strata.Sources;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests;

/// <summary>
/// R11 — connection loss mid-statement: <c>pg_terminate_backend</c> on Strata's server process (found by
/// application_name 'strata' and its running query) during migration 2. Strata stops with "connection lost …
/// not committed" (CLI exit 5), does not run the migration again on its own, leaves only migration 1 in the history
/// and the objects of migration 2 absent; the next run completes. Once via the CLI, once via the library.
/// </summary>
public sealed class R11_ConnectionLoss(ITestOutputHelper output) : PostgresTestBase
{
    private static readonly int SleepSeconds = ReliabilitySize.Pick(ci: 3, full: 10);

    [Fact]
    public async Task Cli_exits_5_without_retrying_and_the_rerun_completes()
    {
        using var work = WriteMigrations();
        var activity = new ServerActivity(Database);
        using var run = StrataCli.Start(Database, work.Path, applicationName: null, "migrate");

        var terminated = await TerminateInsideMigration2Async(activity);
        var sleepers = await WatchUntilAsync(activity, () => run.HasExited);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(result.ToString());

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain("lost while running 002_second; it was not committed", Case.Sensitive, result.ToString());
        sleepers.Where(p => p != terminated).ShouldBeEmpty("no second attempt of migration 2 in the same run");
        await ShouldHoldOnlyMigration1Async();
        var rerun = await StrataCli.RunAsync(Database, work.Path, null, TimeSpan.FromSeconds(SleepSeconds + 60), "migrate");
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        RunnerOutcome.AppliedNames(rerun.Stdout).ShouldBe(["002_second", "003_third"], rerun.ToString());
        await ShouldHoldAllAsync();
    }

    [Fact]
    public async Task Library_throws_connection_lost_releases_everything_and_the_next_call_completes()
    {
        using var work = WriteMigrations();
        var activity = new ServerActivity(Database);
        var migrator = new Migrator(new PostgreSqlDialect(Database.ConnectionString), new DirectoryMigrationSource(Path.Combine(work.Path, "migrations")));
        var run = Task.Run(() => migrator.MigrateAsync());

        var terminated = await TerminateInsideMigration2Async(activity);
        var sleepers = await WatchUntilAsync(activity, () => run.IsCompleted);
        var error = await Should.ThrowAsync<DatabaseUnavailableException>(() => run);
        output.WriteLine(error.ToString());

        error.Category.ShouldBe(ErrorCategory.Unavailable);
        error.Message.ShouldContain("lost while running 002_second; it was not committed");
        sleepers.Where(p => p != terminated).ShouldBeEmpty("no second attempt of migration 2 in the same call");
        await ShouldHoldOnlyMigration1Async();
        await activity.NoBackendsLeftAsync("strata", TimeSpan.FromSeconds(10));
        (await activity.AdvisoryHoldersAsync("strata")).ShouldBeEmpty();
        var rerun = await migrator.MigrateAsync();
        rerun.Applied.Select(s => s.Migration).ShouldBe(["002_second", "003_third"]);
        await ShouldHoldAllAsync();
    }

    private static TempDirectory WriteMigrations()
    {
        var work = new TempDirectory();
        work.WriteFile("migrations/001_first.sql", "CREATE TABLE r11_one (id int);\n");
        work.WriteFile("migrations/002_second.sql", $"CREATE TABLE r11_two (id int);\nSELECT pg_sleep({SleepSeconds.ToString(CultureInfo.InvariantCulture)});\n");
        work.WriteFile("migrations/003_third.sql", "CREATE TABLE r11_three (id int);\n");
        return work;
    }

    /// <summary>Finds Strata's server process running migration 2 (application_name 'strata', query pg_sleep) and terminates it.</summary>
    private async Task<int> TerminateInsideMigration2Async(ServerActivity activity)
    {
        var pid = 0;
        await Poll.UntilAsync(
            async () => (pid = (await activity.BackendsAsync("strata")).FirstOrDefault(b => b.State == "active" && b.Query.Contains("pg_sleep", StringComparison.Ordinal))?.Pid ?? 0) != 0,
            TimeSpan.FromSeconds(60),
            "strata to run migration 2");
        (await Database.ScalarAsync<bool>("SELECT pg_terminate_backend($1)", pid)).ShouldBeTrue();
        return pid;
    }

    /// <summary>The server processes seen running migration 2's statement until <paramref name="done"/>, and for a second after.</summary>
    private static async Task<List<int>> WatchUntilAsync(ServerActivity activity, Func<bool> done)
    {
        var pids = new SortedSet<int>();
        var after = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < after)
        {
            pids.UnionWith((await activity.BackendsAsync("strata")).Where(b => b.Query.Contains("pg_sleep", StringComparison.Ordinal)).Select(b => b.Pid));
            if (done() && after > DateTime.UtcNow.AddSeconds(1))
            {
                after = DateTime.UtcNow.AddSeconds(1);
            }

            await Task.Delay(25);
        }

        return [.. pids];
    }

    private async Task ShouldHoldOnlyMigration1Async()
    {
        (await HistoryRows.RowsAsync(Database)).ShouldBe(["1:succeeded"]);
        (await Database.ScalarAsync<bool>("SELECT to_regclass('r11_one') IS NOT NULL AND to_regclass('r11_two') IS NULL")).ShouldBeTrue();
    }

    private async Task ShouldHoldAllAsync()
    {
        (await HistoryRows.RowsAsync(Database)).ShouldBe(["1:succeeded", "2:succeeded", "3:succeeded"]);
        (await Database.ListTablesAsync("public")).ShouldBe(["r11_one", "r11_three", "r11_two", "strata_migrations", "strata_migrations_audit"]);
    }
}

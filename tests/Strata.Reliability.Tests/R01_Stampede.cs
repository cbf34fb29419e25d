using System.Globalization;
using Strata.Execution;
using Strata.PostgreSql;
using Strata.Reliability.Tests.Concurrency;
using Strata.Sources;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests;

/// <summary>
/// R01 — stampede: 8 strata processes and 8 library migrators (threads of this process) migrate one empty database at
/// once, with 30 migrations (one of them a no-transaction CREATE INDEX CONCURRENTLY). Every iteration must end with
/// each migration applied exactly once, 30 succeeded history rows, the reference schema, every runner successful, no
/// duplicate-object error anywhere, and every loser reporting the lock wait or "up to date".
/// </summary>
public sealed class R01_Stampede(ITestOutputHelper output) : PostgresTestBase
{
    private const int Migrations = 30;
    private const int Processes = 8;
    private const int Threads = 8;
    private static readonly int Iterations = ReliabilitySize.Pick(ci: 3, full: 50);
    private static readonly string[] Forbidden = ["already exists", "duplicate key", "23505", "42P07", "42710", "deadlock"];

    [Fact]
    public async Task Sixteen_runners_at_once_apply_each_migration_exactly_once_in_every_iteration()
    {
        using var work = new TempDirectory();
        var folder = Path.Combine(work.Path, "migrations");
        MigrationFolders.Stampede(folder, Migrations, sleepMs: 20);
        await new Migrator(new PostgreSqlDialect(Database.ConnectionString), new DirectoryMigrationSource(folder)).MigrateAsync();
        var reference = await SchemaSnapshot.ReadAsync(Database);
        reference.ShouldContain(l => l.StartsWith("index CREATE INDEX s6_created_idx", StringComparison.Ordinal));

        var waiters = new List<int>();
        for (var iteration = 1; iteration <= Iterations; iteration++)
        {
            await using var database = await Server.CreateDatabaseAsync();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcomes = await StampedeAsync(database, work.Path, folder, processFirst: iteration % 2 == 0);
            await CheckIterationAsync(database, outcomes, reference, $"iteration {iteration}");
            waiters.Add(outcomes.Count(o => o.Waited));
            output.WriteLine(
                $"iteration {iteration}: done in {clock.Elapsed.TotalSeconds:0.0} s; {string.Join(" + ", outcomes.Where(o => o.Applied.Count > 0).Select(o => o.Name))} "
                + $"applied the migrations, {waiters[^1]} of 16 reported waiting");
        }

        // The runners really overlapped: in every iteration some of them saw the lock held and said so.
        waiters.ShouldAllBe(w => w > 0, "runners that waited, per iteration: " + string.Join(", ", waiters));
    }

    private static async Task CheckIterationAsync(TestDatabase database, IReadOnlyList<RunnerOutcome> outcomes, IReadOnlyList<string> reference, string iteration)
    {
        var report = $"{iteration}:\n" + string.Join('\n', outcomes);
        outcomes.ShouldAllBe(o => o.Ok, report);
        foreach (var bad in Forbidden)
        {
            report.ShouldNotContain(bad, Case.Insensitive);
        }

        var applied = outcomes.SelectMany(o => o.Applied).ToList();
        applied.Count.ShouldBe(Migrations, "each migration is applied by exactly one runner\n" + report);
        applied.Distinct().Count().ShouldBe(Migrations, report);
        outcomes.Where(o => o.Applied.Count == 0).ShouldAllBe(o => o.UpToDate, "every loser reports 'up to date'\n" + report);
        var history = await HistoryRows.RowsAsync(database);
        history.ShouldBe(Enumerable.Range(1, Migrations).Select(v => v.ToString(CultureInfo.InvariantCulture) + ":succeeded"), report);
        (await database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations")).ShouldBe(Migrations, "30 rows, no duplicates");
        (await SchemaSnapshot.ReadAsync(database)).ShouldBe(reference, $"{iteration}: the schema differs from the reference");
    }

    /// <summary>
    /// Starts the processes, then releases the library threads once the first process has reached the server (the
    /// threads, quicker to start, usually win) or, with <paramref name="processFirst"/>, once a process holds the lock
    /// (a process wins); either way all sixteen arrive while the winner is still at work.
    /// </summary>
    private static async Task<List<RunnerOutcome>> StampedeAsync(TestDatabase database, string workDirectory, string folder, bool processFirst)
    {
        var processes = new List<StrataProcess>();
        try
        {
            for (var i = 0; i < Processes; i++)
            {
                processes.Add(StrataCli.Start(database, workDirectory, $"r01-cli-{i}", "migrate", "--migrations", folder, "--lock-timeout", "120"));
            }

            var activity = new ServerActivity(database);
            await Poll.UntilAsync(
                async () => processFirst ? (await activity.AdvisoryHoldersAsync("r01-cli-")).Count > 0 : (await activity.BackendsAsync("r01-cli-")).Count > 0,
                TimeSpan.FromSeconds(60),
                processFirst ? "a strata process to hold the lock" : "the first strata process to connect");
            var library = Enumerable.Range(0, Threads).Select(i => Task.Run(async () =>
            {
                // Spread over a quarter second, so processes and threads alike win some iterations.
                await Task.Delay(Random.Shared.Next(250));
                return await MigrateInProcessAsync(database, folder, $"r01-lib-{i}");
            })).ToList();
            var cli = processes.Select((p, i) => WaitCliAsync(p, $"r01-cli-{i}")).ToList();
            var outcomes = await Task.WhenAll(cli.Concat(library));
            return [.. outcomes];
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }
    }

    private static async Task<RunnerOutcome> WaitCliAsync(StrataProcess process, string name) =>
        RunnerOutcome.FromCli(name, await process.WaitAsync(TimeSpan.FromSeconds(180)));

    private static async Task<RunnerOutcome> MigrateInProcessAsync(TestDatabase database, string folder, string name)
    {
        var observer = new RecordingObserver();
        var dialect = new PostgreSqlDialect(database.ConnectionString, new PostgreSqlOptions { ApplicationName = name });
        var migrator = new Migrator(dialect, new DirectoryMigrationSource(folder), new MigratorOptions { LockTimeout = TimeSpan.FromSeconds(120) }, observer);
        try
        {
            return RunnerOutcome.FromLibrary(name, await migrator.MigrateAsync(), observer);
        }
        catch (Exception e)
        {
            return RunnerOutcome.FromLibrary(name, e, observer);
        }
    }
}

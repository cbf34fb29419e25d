using System.Diagnostics;
using System.Globalization;
using Strata.Reliability.Tests.Concurrency;
using Strata.Reliability.Tests.Integrity;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests;

/// <summary>
/// R12 — SQLite crash safety: <c>kill -9</c> of a real <c>strata migrate</c> process at a random instant while it
/// applies ten migrations (each a table filled with 40 000 rows and an index), in rollback-journal and WAL mode.
/// After every kill the crashed files (copied as they were, hot journal included) pass <c>PRAGMA integrity_check</c>
/// and the history equals the set of migrations whose objects exist completely; the next <c>strata migrate</c> on
/// the crashed file itself needs no manual step and finishes the set. A writer holding the file makes migrate wait
/// (busy_timeout) instead of failing instantly. CI: 7 kills per mode; full (<c>STRATA_RELIABILITY=full</c>): 100. Kills are tied to progress
/// (after a random number of history rows, plus a short random pause), seeded and replayable with STRATA_R12_SEED.
/// </summary>
public sealed class R12_SqliteCrashSafety
{
    private const int Migrations = 10;
    private const int Rows = 40_000;

    private readonly ITestOutputHelper _output;

    public R12_SqliteCrashSafety(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("delete")]
    [InlineData("wal")]
    public async Task Kill_9_during_apply_leaves_an_intact_consistent_file_and_the_next_run_needs_no_manual_step(string journalMode)
    {
        var iterations = ReliabilitySize.Pick(7, 100);
        using var folder = new TempDirectory();
        WriteMigrations(folder);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("STRATA_R12_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var random = new Random(seed);
        _output.WriteLine($"{journalMode}: seed {seed} (STRATA_R12_SEED replays it)");
        var midApply = 0;
        for (var i = 0; i < iterations; i++)
        {
            var database = Path.Combine(folder.Path, "app.db");
            (await SqliteFiles.CreateAsync(database, journalMode)).ShouldBe(journalMode);
            var instant = KillInstant.Pick(random, Migrations, longestPauseMs: 25);
            var killed = await RunAndKillAsync(folder.Path, database, instant);

            var crashed = await CrashState.ReadAsync(SqliteFiles.Snapshot(database, Path.Combine(folder.Path, "snapshot-" + i.ToString(CultureInfo.InvariantCulture))), Migrations, Rows);
            var context = $"{journalMode} #{i} (seed {seed}) after kill -9 {instant}";
            _output.WriteLine($"{context} ({(killed ? "killed" : "had finished")}): {crashed}");
            ShouldBeConsistent(crashed, context);
            midApply += crashed.History.Count is > 0 and < Migrations ? 1 : 0;

            var rerun = await StrataProcess.RunAsync(folder.Path, Variables(database), Scene.RunTimeout, "migrate");
            rerun.ExitCode.ShouldBe(0, $"{context}: the run after the crash needs no manual step\n{rerun}");
            var finished = await CrashState.ReadAsync(database, Migrations, Rows);
            finished.Integrity.ShouldBe("ok", $"{context}, after the rerun");
            finished.History.Count.ShouldBe(Migrations, $"{context}: {finished}");
            finished.CompleteObjects.Count.ShouldBe(Migrations, $"{context}: {finished}");
            SqliteFiles.Delete(database);
        }

        _output.WriteLine($"{journalMode}: {midApply} of {iterations} kills landed between the first and the last migration's commit");
        midApply.ShouldBeGreaterThan(0, $"some kill must land in the middle of the apply, or the scenario proves nothing (seed {seed})");
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("wal")]
    public async Task A_writer_holding_the_file_makes_migrate_wait_instead_of_failing(string journalMode)
    {
        // CI holds the file 1 s after strata opened it; the full run 3 s. Only lower bounds are asserted.
        var hold = TimeSpan.FromSeconds(ReliabilitySize.Pick(1, 3));
        using var folder = new TempDirectory();
        folder.WriteFile("migrations/001_a.sql", "CREATE TABLE a (id int);\n");
        var database = Path.Combine(folder.Path, "app.db");
        await SqliteFiles.CreateAsync(database, journalMode);
        await using var holder = await SqliteFiles.OpenAsync(database);
        await SqliteFiles.ScalarAsync(holder, "CREATE TABLE holder (x int)");
        await SqliteFiles.ScalarAsync(holder, "BEGIN IMMEDIATE");
        await SqliteFiles.ScalarAsync(holder, "INSERT INTO holder VALUES (1)");

        var impatient = await StrataProcess.RunAsync(folder.Path, Variables(database), Scene.RunTimeout, "migrate", "--lock-timeout", "0");
        impatient.ExitCode.ShouldBe(5, "with no wait allowed the held file is reported, so the lock is real\n" + impatient);
        impatient.Stderr.ShouldContain("locked", Case.Insensitive);

        using var patient = StrataProcess.Start(folder.Path, Variables(database), "migrate");
        await WaitUntilOpenedAsync(patient, database);
        await Task.Delay(hold);
        patient.HasExited.ShouldBeFalse($"migrate gave up while another writer held the file for {hold.TotalSeconds:0} s instead of waiting");
        var released = Stopwatch.StartNew();
        await SqliteFiles.ScalarAsync(holder, "COMMIT");
        var result = await patient.WaitAsync(Scene.RunTimeout);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("001_a");
        patient.Elapsed.ShouldBeGreaterThan(hold, "it finished only after the writer let go");
        _output.WriteLine($"{journalMode}: migrate waited {patient.Elapsed.TotalMilliseconds:0} ms and finished {released.ElapsedMilliseconds} ms after the release");
        var state = await CrashState.ReadAsync(database, 0, 0);
        state.Integrity.ShouldBe("ok");
        state.History.ShouldBe([1L]);
        (await SqliteFiles.ScalarAsync(holder, "SELECT count(*) FROM holder")).ShouldBe("1", "the other writer's work is kept");
    }

    private static void ShouldBeConsistent(CrashState state, string when)
    {
        state.Integrity.ShouldBe("ok", when);
        state.PartialObjects.ShouldBeEmpty($"{when}: no migration is half there: {state}");
        state.History.ShouldBe(state.CompleteObjects, $"{when}: history rows = migrations whose objects exist: {state}");
        state.History.ShouldBe(Enumerable.Range(1, state.History.Count).Select(v => (long)v).ToList(), $"{when}: applied in order: {state}");
        state.States.ShouldAllBe(s => s == "succeeded", $"{when}: {state}");
    }

    /// <summary>
    /// Starts strata migrate on <paramref name="database"/> and kills it (SIGKILL) at <paramref name="instant"/>: once the
    /// history holds the chosen number of rows (read from outside between commits), after the chosen pause. Tied to
    /// progress rather than to a clock, so a loaded machine does not push every kill before or after the apply.
    /// Returns false when the run had already finished.
    /// </summary>
    private static async Task<bool> RunAndKillAsync(string folder, string database, KillInstant instant)
    {
        using var process = StrataProcess.Start(folder, Variables(database), "migrate");
        await Poll.UntilAsync(async () => process.HasExited || await SqliteFiles.HistoryCountAsync(database) >= instant.AfterRows, Scene.RunTimeout, $"{instant.AfterRows} history rows");
        await Task.Delay(instant.Pause);
        var running = !process.HasExited;
        process.Kill();
        return running;
    }

    private static async Task WaitUntilOpenedAsync(StrataProcess process, string database)
    {
        var deadline = Stopwatch.StartNew();
        while (!SqliteFiles.IsOpenedBy(process.Id, database))
        {
            process.HasExited.ShouldBeFalse("migrate ended before it was seen holding the file open");
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "migrate never opened the database");
            await Task.Delay(20);
        }
    }

    private static void WriteMigrations(TempDirectory folder)
    {
        for (var i = 1; i <= Migrations; i++)
        {
            var name = "m" + i.ToString("00", CultureInfo.InvariantCulture);
            folder.WriteFile(
                $"migrations/{i:000}_{name}.sql",
                $"CREATE TABLE {name} (id INTEGER PRIMARY KEY, v TEXT NOT NULL);\n"
                + $"INSERT INTO {name} (v) WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {Rows})\n"
                + "  SELECT printf('row-%d-%s', x, hex(randomblob(16))) FROM n;\n"
                + $"CREATE INDEX {name}_v ON {name} (v);\n");
        }
    }

    private static Dictionary<string, string> Variables(string database) => new() { ["DATABASE_URL"] = "sqlite:" + database };
}

using Microsoft.Data.Sqlite;
using Strata.Reliability.Tests.Huge;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests;

/// <summary>
/// R20 — Huge file: a migration of many INSERTs (CI 40 MB, full 300 MB) and one single statement (CI 10 MB, full
/// 20 MB) applied by <c>strata migrate</c> as a real process against PostgreSQL and SQLite, with the process's peak
/// RSS below the baseline (the same command migrating a tiny file) + 150 MB, the rows and checksums recorded,
/// progress on the output at least every 10 s, <c>--statement-timeout</c> honoured for streamed statements
/// (SQLSTATE 57014), <c>--max-file-size</c> refusing the file up front with exit 2, and a dry run that shows a
/// preview without reading the file into memory. Full size: <c>STRATA_RELIABILITY=full</c>.
/// </summary>
public sealed class R20_HugeFile : IClassFixture<HugeFolder>
{
    private const long Budget = 150L << 20;

    private readonly HugeFolder _files;
    private readonly ITestOutputHelper _output;

    public R20_HugeFile(HugeFolder files, ITestOutputHelper output)
    {
        _files = files;
        _output = output;
    }

    [Fact]
    public async Task Postgresql_applies_huge_files_in_bounded_memory_showing_progress()
    {
        var server = await PostgresServer.SharedAsync();
        await using var tiny = await server.CreateDatabaseAsync();
        await using var db = await server.CreateDatabaseAsync();

        var baseline = await MigrateAsync(_files.Tiny, PostgresUrl.From(tiny.ConnectionString));
        var run = await MigrateAsync(_files.Huge, PostgresUrl.From(db.ConnectionString));

        ShouldStayInBudget(baseline, run);
        (await db.ScalarAsync<long>("SELECT count(*) FROM huge_rows")).ShouldBe(_files.InsertRows);
        (await db.ScalarAsync<long>("SELECT count(*) FROM huge_blob")).ShouldBe(_files.StatementRows);
        (await db.ScalarAsync<int>("SELECT length(body) FROM huge_blob WHERE id = 0")).ShouldBe((int)_files.LiteralLength);
        (await db.ScalarAsync<string>("SELECT string_agg(checksum, ',' ORDER BY version) FROM strata_migrations WHERE state = 'succeeded'"))
            .ShouldBe(string.Join(',', _files.Checksums));
    }

    [Fact]
    public async Task Sqlite_applies_huge_files_in_bounded_memory_showing_progress()
    {
        using var folder = new TempDirectory();
        var baseline = await MigrateAsync(_files.Tiny, "sqlite:" + Path.Combine(folder.Path, "tiny.db"));
        var file = Path.Combine(folder.Path, "huge.db");
        var run = await MigrateAsync(_files.Huge, "sqlite:" + file);

        ShouldStayInBudget(baseline, run);
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        (await ScalarAsync(connection, "SELECT count(*) FROM huge_rows")).ShouldBe(_files.InsertRows);
        (await ScalarAsync(connection, "SELECT count(*) FROM huge_blob")).ShouldBe(_files.StatementRows);
        (await ScalarAsync(connection, "SELECT length(body) FROM huge_blob WHERE id = 0")).ShouldBe(_files.LiteralLength);
        (await ScalarAsync(connection, "SELECT group_concat(checksum, ',') FROM (SELECT checksum FROM strata_migrations ORDER BY version)"))
            .ShouldBe(string.Join(',', _files.Checksums));
    }

    [Fact]
    public async Task A_streamed_statement_over_the_statement_timeout_fails_with_57014_and_nothing_remains()
    {
        var server = await PostgresServer.SharedAsync();
        await using var db = await server.CreateDatabaseAsync();
        using var folder = new TempDirectory();
        var migrations = Directory.CreateDirectory(Path.Combine(folder.Path, "migrations")).FullName;
        HugeFiles.WriteStreamedWith(Path.Combine(migrations, "001_slow.sql"), "", "slow_rows", "SELECT pg_sleep(30);\n");
        var url = PostgresUrl.From(db.ConnectionString);

        var run = await MeasuredRun.RunAsync(folder.Path, TimeSpan.FromMinutes(2), "migrate", "--database", url, "--migrations", migrations, "--statement-timeout", "1", "--no-color");
        _output.WriteLine(run.Output);

        run.ExitCode.ShouldBe(4, run.Output);
        run.Output.ShouldContain("57014");
        run.Output.ShouldContain("canceling statement due to statement timeout");
        run.Output.ShouldContain("001_slow.sql:" + CountLines(Path.Combine(migrations, "001_slow.sql")) + ":1");
        run.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(25), "pg_sleep(30) was cut short");
        (await db.ListTablesAsync()).ShouldNotContain("public.slow_rows");

        File.Delete(Path.Combine(migrations, "001_slow.sql"));
        HugeFiles.WriteStreamedWith(Path.Combine(migrations, "002_slow.sql"), "-- strata:no-transaction\n", "slow_free", "SELECT pg_sleep(30);\n");
        var loose = await MeasuredRun.RunAsync(folder.Path, TimeSpan.FromMinutes(2), "migrate", "--database", url, "--migrations", migrations, "--statement-timeout", "1", "--no-color");
        _output.WriteLine(loose.Output);

        loose.ExitCode.ShouldBe(4, loose.Output);
        loose.Output.ShouldContain("57014");
        (await db.ScalarAsync<long>("SELECT count(*) FROM slow_free")).ShouldBeGreaterThan(10_000, "statements before the slow one stay applied without a transaction");
    }

    [Fact]
    public async Task Max_file_size_refuses_the_huge_file_with_exit_2_before_touching_the_database()
    {
        using var folder = new TempDirectory();
        var database = Path.Combine(folder.Path, "untouched.db");

        var run = await MeasuredRun.RunAsync(folder.Path, TimeSpan.FromMinutes(1), "migrate", "--database", "sqlite:" + database, "--migrations", _files.Huge, "--max-file-size", "1MB", "--no-color");
        _output.WriteLine(run.Output);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("001_huge_inserts.sql: the file is ");
        run.Output.ShouldContain("more than the maximum file size of 1 MB");
        run.Output.ShouldContain("002_huge_statement.sql");
        File.Exists(database).ShouldBeFalse();
    }

    [Fact]
    public async Task A_dry_run_prints_a_preview_of_the_huge_files_in_bounded_memory()
    {
        using var folder = new TempDirectory();
        var baseline = await MigrateAsync(_files.Tiny, "sqlite:" + Path.Combine(folder.Path, "tiny.db"));
        var run = await MeasuredRun.RunAsync(folder.Path, TimeSpan.FromMinutes(5), "migrate", "--dry-run", "--database", "sqlite:" + Path.Combine(folder.Path, "dry.db"), "--migrations", _files.Huge, "--no-color");

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("001_huge_inserts.sql is streamed (");
        run.Output.ShouldContain("-- … the rest of ");
        run.Output.Length.ShouldBeLessThan(64 * 1024);
        run.PeakRssBytes.ShouldBeLessThan(baseline.PeakRssBytes + Budget);
    }

    private async Task<MeasuredRun> MigrateAsync(string migrations, string database)
    {
        var run = await MeasuredRun.RunAsync(Path.GetDirectoryName(migrations)!, TimeSpan.FromMinutes(ReliabilitySize.Pick(5, 30)), "migrate", "--database", database, "--migrations", migrations, "--no-color");
        _output.WriteLine($"{migrations}: exit {run.ExitCode} in {run.Elapsed.TotalSeconds:0.0} s, peak RSS {run.PeakRssBytes >> 20} MB, longest silence {run.LongestSilence.TotalSeconds:0.0} s\n{run.Output}");
        run.ExitCode.ShouldBe(0, run.Output);
        return run;
    }

    private static void ShouldStayInBudget(MeasuredRun baseline, MeasuredRun run)
    {
        baseline.PeakRssBytes.ShouldBeGreaterThan(0, "the baseline run's peak RSS was not measured");
        run.PeakRssBytes.ShouldBeGreaterThan(0);
        run.PeakRssBytes.ShouldBeLessThan(baseline.PeakRssBytes + Budget, $"baseline {baseline.PeakRssBytes >> 20} MB, huge {run.PeakRssBytes >> 20} MB");

        // The CLI prints a heartbeat 3 s into the run and into each step, then every 9 s. The spec's bound (10 s) is
        // asserted in full size; CI size, on a loaded 2-core machine, allows for scheduling delays.
        var bound = TimeSpan.FromSeconds(ReliabilitySize.Full ? 10 : 15);
        run.LongestSilence.ShouldBeLessThan(bound, run.Output);
        var beats = run.Lines.Where(l => l.Text.Contains("still running", StringComparison.Ordinal)).ToList();
        if (run.Elapsed > TimeSpan.FromSeconds(15))
        {
            beats.ShouldNotBeEmpty(run.Output);
        }

        // Streamed steps report how far their transaction is, so each heartbeat names a statement.
        beats.ShouldAllBe(l => l.Text.Contains(", statement ", StringComparison.Ordinal) && l.Text.Contains(" of ", StringComparison.Ordinal), run.Output);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static int CountLines(string path)
    {
        using var reader = new StreamReader(path);
        var count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }

        return count;
    }
}

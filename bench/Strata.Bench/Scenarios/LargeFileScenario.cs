using System.Globalization;
using System.Text;

namespace Strata.Bench.Scenarios;

/// <summary>
/// <c>strata migrate</c> of one migration file of <c>--large-file-mb</c> megabytes (default 300, reliability R20):
/// a table, then multi-row INSERTs of 100 rows each. Above the 8 MiB streaming threshold the CLI streams the file
/// instead of holding it, so its peak resident set size (measured with GNU time) should stay near that of a small
/// migration. Each run applies it to a fresh database (created untimed); two timed runs, no warm-up.
/// </summary>
internal sealed class LargeFileScenario(BenchServer server, string tool, string executable, string? unavailable, int megabytes, string scratch) : IScenario
{
    private const string Database = "bench_large_file";
    private string Folder => Path.Combine(scratch, "large_file");

    public string What => $"apply one {megabytes.ToString("N0", CultureInfo.InvariantCulture)} MB migration file (INSERTs)";

    public string Tool => tool;

    public int Size => 1;

    public string? NotMeasured => unavailable ?? (File.Exists(executable) ? null : $"not built: {executable} is missing");

    public long? LastPeakRss { get; private set; }

    public bool WarmUp => false;

    public int TimedRuns(int requested) => Math.Min(requested, 2);

    public async Task SetUpAsync()
    {
        var migrations = Directory.CreateDirectory(Path.Combine(Folder, "migrations")).FullName;
        await using var file = new StreamWriter(Path.Combine(migrations, "000001_large.sql"), false, new UTF8Encoding(false), 1 << 20);
        await file.WriteAsync("CREATE TABLE bench_large (id bigint PRIMARY KEY, payload text NOT NULL);\n").ConfigureAwait(false);
        var target = (long)megabytes << 20;
        var payload = new string('x', 80);
        var statement = new StringBuilder();
        for (long id = 1; file.BaseStream.Position < target;)
        {
            statement.Clear().Append("INSERT INTO bench_large VALUES ");
            for (var row = 0; row < 100; row++, id++)
            {
                statement.Append(row == 0 ? "" : ", ").Append('(').Append(id).Append(", '").Append(payload).Append("')");
            }

            await file.WriteAsync(statement.Append(";\n")).ConfigureAwait(false);
        }

        await file.WriteAsync("-- strata:down\nDROP TABLE bench_large;\n").ConfigureAwait(false);
    }

    public async Task<TimeSpan> RunOnceAsync()
    {
        await server.DropDatabaseAsync(Database).ConfigureAwait(false);
        await server.CreateDatabaseAsync(Database).ConfigureAwait(false);
        var result = await CommandRunner.RunAsync(
            executable,
            ["migrate", "--migrations", Path.Combine(Folder, "migrations"), "--quiet", "--no-color"],
            Folder,
            new Dictionary<string, string> { ["DATABASE_URL"] = server.Url(Database) },
            measureMemory: true).ConfigureAwait(false);
        LastPeakRss = result.PeakRssKilobytes;
        return result.Elapsed;
    }

    public async Task TearDownAsync()
    {
        await server.DropDatabaseAsync(Database).ConfigureAwait(false);
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

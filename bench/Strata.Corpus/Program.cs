using System.Globalization;
using Npgsql;
using Strata.Corpus;
using Strata.TestSupport;

// bench/corpus.sh <corpus folder with MANIFEST.md> [--only word] [--pg 15,18 | --sqlite [--rows]] [--out file.md]
if (args.Length == 0 || !File.Exists(Path.Combine(args[0], "MANIFEST.md")))
{
    Console.Error.WriteLine("usage: bench/corpus.sh <corpus folder holding MANIFEST.md> [--only <word>] [--pg <major>[,<major>…] | --sqlite [--rows]] [--out <file.md>]");
    return 2;
}

var only = Option("--only");
var outFile = Option("--out");
var majors = (Option("--pg") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var sqlite = args.Contains("--sqlite");
var entries = CorpusEntry.Read(Path.Combine(args[0], "MANIFEST.md"), sqlite ? "SQLite" : "PostgreSQL")
    .Where(e => only is null || e.Project.Contains(only, StringComparison.OrdinalIgnoreCase)
        || e.Folder.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
var rows = new List<string> { sqlite ? CorpusRow.SqliteHeader : CorpusRow.Header };
if (sqlite)
{
    rows.AddRange(await RunSqliteAsync(entries, args.Contains("--rows")));
}

foreach (var major in sqlite ? [] : majors.Length == 0 ? [""] : majors)
{
    // An empty major: the server tests start by default (Debian's); else the major tests/install-postgres.sh cached.
    Environment.SetEnvironmentVariable(PostgresInstall.MajorVariable, major.Length == 0 ? null : major);
    rows.AddRange(await RunMajorAsync(entries));
}

var table = $"{DateTime.UtcNow:yyyy-MM-dd}\n\n{string.Join('\n', rows)}\n";
Console.Write(table);
if (outFile is not null)
{
    await File.WriteAllTextAsync(outFile, table);
}

return 0;

static async Task<List<string>> RunMajorAsync(List<CorpusEntry> entries)
{
    using var cluster = PostgresCluster.Start(new PostgresClusterOptions());
    await using var admin = NpgsqlDataSource.Create(cluster.ConnectionStringAt("127.0.0.1"));
    var version = (string)(await admin.CreateCommand("SHOW server_version").ExecuteScalarAsync())!;
    var major = version.Split('.')[0];
    var environment = new Dictionary<string, string>
    {
        ["PGHOST"] = "127.0.0.1", ["PGPORT"] = cluster.Port.ToString(CultureInfo.InvariantCulture), ["PGUSER"] = PostgresCluster.SuperUser,
        ["PGPASSWORD"] = cluster.Password, ["PGSSLMODE"] = "disable", ["PGOPTIONS"] = "-c client_min_messages=warning",
    };
    var client = PostgresClientPrograms.Find(int.Parse(major, CultureInfo.InvariantCulture));
    var runner = new FolderRun(new Psql(client.BinDirectory, environment), admin, database => cluster.ConnectionStringAt("127.0.0.1", database), major);
    var rows = new List<string>();
    var number = 0;
    foreach (var entry in entries)
    {
        Console.Error.WriteLine($"… {entry.Project} on PostgreSQL {version}");
        var row = (await runner.RunAsync(entry, ++number)).ToString();
        rows.Add(row);
        Console.Error.WriteLine(row);
    }

    return rows;
}

static async Task<List<string>> RunSqliteAsync(List<CorpusEntry> entries, bool seeded)
{
    var work = Directory.CreateTempSubdirectory("strata-corpus-");
    var version = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sqlite3", "--version") { RedirectStandardOutput = true })!;
    SqliteFolderRun.Sqlite3Version = (await version.StandardOutput.ReadToEndAsync()).Split(' ')[0];
    var runner = new SqliteFolderRun(work.FullName, seeded);
    var rows = new List<string>();
    var number = 0;
    try
    {
        foreach (var entry in entries)
        {
            Console.Error.WriteLine($"… {entry.Project} ({Path.GetFileName(entry.Folder)}) on sqlite3 {SqliteFolderRun.Sqlite3Version}");
            var row = (await runner.RunAsync(entry, ++number)).ToString();
            rows.Add(row);
            Console.Error.WriteLine(row);
        }
    }
    finally
    {
        work.Delete(recursive: true);
    }

    return rows;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

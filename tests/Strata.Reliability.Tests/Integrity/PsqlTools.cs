using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Strata.Reliability.Tests.Integrity;

/// <summary>
/// <c>psql</c> and <c>pg_dump</c> for the R18 sample replay: the highest <c>/usr/lib/postgresql/*/bin</c> (where the
/// test server comes from), else PATH. The connection goes through PG* variables, never the command line.
/// </summary>
internal static class PsqlTools
{
    private static readonly Lazy<string> Bin = new(FindBin);

    /// <summary>Runs <c>psql -v ON_ERROR_STOP=1 -X -q -f file</c> on the database.</summary>
    public static Task<(int ExitCode, string Output)> RunFileAsync(string connectionString, string file) =>
        RunAsync("psql", ["-v", "ON_ERROR_STOP=1", "-X", "-q", "-f", file], connectionString);

    /// <summary>
    /// <c>pg_dump --schema-only</c> and <c>--data-only</c> (no owners, no privileges), with the database name and the
    /// random <c>\restrict</c> key of newer pg_dump versions replaced so two databases compare equal.
    /// </summary>
    public static async Task<string> DumpAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "";
        var text = new StringBuilder();
        foreach (var what in new[] { "--schema-only", "--data-only" })
        {
            var (exitCode, output) = await RunAsync("pg_dump", [what, "--no-owner", "--no-privileges"], connectionString);
            exitCode.ShouldBe(0, $"pg_dump {what}: {output}");
            foreach (var line in output.ReplaceLineEndings("\n").Split('\n'))
            {
                text.Append(line.StartsWith("\\restrict ", StringComparison.Ordinal) || line.StartsWith("\\unrestrict ", StringComparison.Ordinal)
                    ? line[..line.IndexOf(' ', StringComparison.Ordinal)] + " <key>"
                    : line.Replace(database, "<database>", StringComparison.Ordinal)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments, string connectionString)
    {
        var info = new ProcessStartInfo(Path.Combine(Bin.Value, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal) || k == "PSQLRC").ToList())
        {
            info.Environment.Remove(name);
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        info.Environment["LC_ALL"] = "C";
        info.Environment["PGCLIENTENCODING"] = "UTF8";
        info.Environment["PGHOST"] = builder.Host;
        info.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = builder.Username;
        info.Environment["PGPASSWORD"] = builder.Password;
        info.Environment["PGDATABASE"] = builder.Database;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + tool);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within 60 s");
        }

        return (process.ExitCode, await output + await error);
    }

    private static string FindBin()
    {
        const string root = "/usr/lib/postgresql";
        var debian = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => d.Version >= 0)
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Directory, "bin"))
            : [];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return debian.Concat(path).FirstOrDefault(d => File.Exists(Path.Combine(d, "psql")) && File.Exists(Path.Combine(d, "pg_dump")))
            ?? throw new InvalidOperationException("psql and pg_dump were not found under /usr/lib/postgresql/*/bin or on PATH; install postgresql-client");
    }
}

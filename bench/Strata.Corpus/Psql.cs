using System.Diagnostics;

namespace Strata.Corpus;

/// <summary>Runs psql and pg_dump from the server's own bin folder against the throwaway cluster.</summary>
internal sealed class Psql(string bin, IReadOnlyDictionary<string, string> environment)
{
    /// <summary><c>psql -X -q -v ON_ERROR_STOP=1 [-1] -f file</c> on <paramref name="database"/>; the error text, or null when it succeeded.</summary>
    public async Task<string?> RunFileAsync(string database, string file, bool singleTransaction)
    {
        var (code, _, error) = await RunAsync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", .. singleTransaction ? ["-1"] : Array.Empty<string>(), "-d", database, "-f", file]);
        return code == 0 ? null : error.Trim();
    }

    /// <summary>The schema of <paramref name="database"/> as <c>pg_dump --schema-only</c> prints it, without Strata's history tables and dump comments.</summary>
    public async Task<string> SchemaAsync(string database)
    {
        var (code, output, error) = await RunAsync("pg_dump", ["--schema-only", "--no-owner", "--no-privileges", "--exclude-table=strata_migrations*", "-d", database]);
        if (code != 0)
        {
            throw new InvalidOperationException($"pg_dump {database} failed: {error}");
        }

        return string.Join('\n', output.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal) && !l.StartsWith("\\restrict", StringComparison.Ordinal)
            && !l.StartsWith("\\unrestrict", StringComparison.Ordinal) && l.Trim().Length > 0));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string tool, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Path.Combine(bin, tool)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

using System.Diagnostics;

namespace Strata.Corpus;

/// <summary>
/// Runs the <c>sqlite3</c> command-line shell (Debian's, from PATH): a script with <c>-bail</c>, and the database's
/// <c>.dump</c> without Strata's history tables for comparison.
/// </summary>
internal static class Sqlite3
{
    /// <summary>
    /// <c>sqlite3 -bail file &lt; script</c>; the error text, or null when it succeeded. A script with a carriage return
    /// is passed as the command's argument instead (up to <see cref="ArgumentLimit"/> characters): the shell's line
    /// reader drops the CR of each CRLF on standard input (and in <c>.read</c>), storing <c>CREATE TABLE</c> text other
    /// than the file's, while an argument runs as written, as the tools' drivers run the file's text (golang-migrate,
    /// sqlx, Diesel, Prisma and Drizzle keep the CRs). Errors of an argument name no line.
    /// </summary>
    public static async Task<string?> RunAsync(string database, string script)
    {
        var asArgument = script.Contains('\r', StringComparison.Ordinal) && script.Length <= ArgumentLimit;
        var (code, _, error) = await ShellAsync(database, asArgument ? "" : script, asArgument ? script : null);
        return code == 0 && error.Trim().Length == 0 ? null : error.Trim();
    }

    /// <summary>
    /// <c>.dump</c> of <paramref name="database"/> (schema and rows, in sqlite_schema order) and its <c>user_version</c>,
    /// read from a copy without Strata's history tables (<c>strata_migrations*</c>) and their <c>sqlite_sequence</c>
    /// rows. The lines that only say sqlite_sequence exists (<c>CREATE TABLE sqlite_sequence</c>, <c>DELETE FROM
    /// sqlite_sequence</c>) are left out of both sides: Strata's AUTOINCREMENT history table creates it where the
    /// project had none; the project's own sequence rows are kept.
    /// </summary>
    public static async Task<string> DumpAsync(string database)
    {
        var copy = Path.GetTempFileName();
        try
        {
            File.Copy(database, copy, overwrite: true);
            var (_, names, _) = await ShellAsync(copy, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'strata\\_migrations%' ESCAPE '\\';");
            var drops = string.Concat(names.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => $"DROP TABLE \"{n}\"; DELETE FROM sqlite_sequence WHERE name = '{n}';"));
            if (drops.Length > 0)
            {
                await ShellAsync(copy, drops);
            }

            var (code, dump, error) = await ShellAsync(copy, ".dump\nPRAGMA user_version;");
            if (code != 0)
            {
                throw new InvalidOperationException($"sqlite3 .dump {database} failed: {error}");
            }

            return string.Join('\n', dump.Split('\n').Where(l => l is not "CREATE TABLE sqlite_sequence(name,seq);" and not "DELETE FROM sqlite_sequence;"));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>A query's rows as sqlite3's <c>-json</c> output (empty when there are none).</summary>
    public static async Task<string> QueryJsonAsync(string database, string query)
    {
        var (code, output, error) = await ShellAsync(database, query, null, "-json");
        return code == 0 ? output.Trim() : throw new InvalidOperationException($"sqlite3 {database} failed: {error}");
    }

    /// <summary>Runs <paramref name="script"/> statement by statement without stopping at an error (seed rows a constraint refuses are skipped).</summary>
    public static Task RunLenientAsync(string database, string script) => ShellAsync(database, script, null, null, bail: false);

    /// <summary>The longest script passed as an argument (Linux takes 128 KiB per argument).</summary>
    private const int ArgumentLimit = 60_000;

    private static async Task<(int Code, string Output, string Error)> ShellAsync(string database, string input, string? argument = null, string? mode = null, bool bail = true)
    {
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var option in new[] { bail ? "-bail" : null, mode }.OfType<string>())
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add(database);
        if (argument is not null)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Strata.TestSupport;

namespace Strata.Cli.Tests.Operations;

/// <summary>
/// A PostgreSQL database as <c>pg_dump</c> prints it (plain format, schema and rows), to compare a restored database
/// with the original. PostgreSQL 17.6+/18 put a random <c>\restrict</c> key in every dump; those two lines are left out.
/// </summary>
internal static class PgDumpText
{
    public static async Task<string> OfAsync(string connectionString, string database, int serverVersionNumber)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo(PostgresClientPrograms.Find(serverVersionNumber / 10000).PgDump)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--no-password");
        info.ArgumentList.Add(database);
        info.Environment["PGHOST"] = builder.Host;
        info.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = builder.Username;
        info.Environment["PGPASSWORD"] = builder.Password ?? "";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await error);
        return string.Join('\n', (await output).Split('\n').Where(l => !l.StartsWith("\\restrict ", StringComparison.Ordinal) && !l.StartsWith("\\unrestrict ", StringComparison.Ordinal)));
    }

    /// <summary>The folder of a pg_dump and pg_restore at least as new as the server, for STRATA_PG_BIN.</summary>
    public static string ClientDirectory(int serverVersionNumber) => PostgresClientPrograms.Find(serverVersionNumber / 10000).BinDirectory;
}

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
        var tools = await PostgresClientTools.FindAsync(serverVersionNumber);
        var result = await PostgresClientTools.RunAsync(tools.PgDump, ["--no-password", database], connectionString, Path.GetTempPath());
        result.ExitCode.ShouldBe(0, result.Describe());
        return string.Join('\n', result.Output.Split('\n').Where(l => !l.StartsWith("\\restrict ", StringComparison.Ordinal) && !l.StartsWith("\\unrestrict ", StringComparison.Ordinal)));
    }

    /// <summary>The folder of a pg_dump and pg_restore at least as new as the server, for STRATA_PG_BIN.</summary>
    public static string ClientDirectory(int serverVersionNumber) => PostgresClientPrograms.Find(serverVersionNumber / 10000).BinDirectory;
}

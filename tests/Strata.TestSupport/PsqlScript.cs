namespace Strata.TestSupport;

/// <summary>Runs SQL through <c>psql -f</c>, as a user applies a script by hand (psql splits it, not Npgsql).</summary>
public static class PsqlScript
{
    /// <summary>Runs <paramref name="sql"/> on the database, stopping at the first error (which throws with psql's output).</summary>
    /// <param name="connectionString">The database.</param>
    /// <param name="sql">The script.</param>
    /// <param name="singleTransaction">True to run it in one transaction (<c>-1</c>).</param>
    public static async Task RunAsync(string connectionString, string sql, bool singleTransaction = false)
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "script.sql");
        await File.WriteAllTextAsync(path, sql);
        var version = await SchemaDump.ServerVersionAsync(connectionString);
        var tools = await PostgresClientTools.FindAsync(version);
        string[] arguments = singleTransaction ? ["-v", "ON_ERROR_STOP=1", "-X", "-q", "-1", "-f", path] : ["-v", "ON_ERROR_STOP=1", "-X", "-q", "-f", path];
        var result = await PostgresClientTools.RunAsync(tools.Psql, arguments, connectionString, folder.Path);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("psql failed: " + result.Describe());
        }
    }
}

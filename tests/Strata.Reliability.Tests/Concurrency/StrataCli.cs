using Strata.TestSupport;

namespace Strata.Reliability.Tests.Concurrency;

/// <summary>Starts the strata CLI as a real OS process against a test database, named by its application_name.</summary>
public static class StrataCli
{
    /// <summary>The environment of a strata process: DATABASE_URL for <paramref name="database"/>, with <paramref name="applicationName"/> when given.</summary>
    public static Dictionary<string, string> Variables(TestDatabase database, string? applicationName) =>
        new(StringComparer.Ordinal)
        {
            ["DATABASE_URL"] = PostgresUrl.From(database.ConnectionString, query: applicationName is null ? null : "application_name=" + applicationName),
        };

    /// <summary>Starts <c>strata args…</c> in <paramref name="workingDirectory"/>; dispose (or <see cref="StrataProcess.Kill"/>) to stop it.</summary>
    public static StrataProcess Start(TestDatabase database, string workingDirectory, string? applicationName, params string[] args) =>
        StrataProcess.Start(workingDirectory, Variables(database, applicationName), args);

    /// <summary>Runs <c>strata args…</c> to completion (killed and failed after <paramref name="timeout"/>).</summary>
    public static async Task<CliResult> RunAsync(TestDatabase database, string workingDirectory, string? applicationName, TimeSpan timeout, params string[] args)
    {
        using var process = Start(database, workingDirectory, applicationName, args);
        return await process.WaitAsync(timeout);
    }
}

namespace Strata.TestSupport;

/// <summary>What a PostgreSQL client program (psql, pg_dump) printed and how it exited.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    /// <summary>Exit code, standard error and the end of standard output, for a failure message.</summary>
    public string Describe() =>
        $"exit code {ExitCode}\nstderr:\n{Error}\nstdout (last 2000 characters):\n{(Output.Length > 2000 ? Output[^2000..] : Output)}";
}

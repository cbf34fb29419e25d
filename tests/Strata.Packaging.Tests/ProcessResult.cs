namespace Strata.Packaging.Tests;

/// <summary>How a child process ended: its exit code and its standard output and error, interleaved as they came.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output)
{
    /// <summary>The command line, exit code and output, for assertion messages.</summary>
    public string Describe() => $"{CommandLine}\nexit code {ExitCode}\n{Output}";
}

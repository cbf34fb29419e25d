namespace Strata.TestSupport;

/// <summary>The exit code and output of a tool.</summary>
internal sealed record ProcessResult(int ExitCode, string Output);

namespace Strata.Packaging.Tests.Docs;

/// <summary>One command of a checked console block: its shell text, the output the page shows and the exit code it states.</summary>
internal sealed record DocConsoleStep(string Command, IReadOnlyList<string> Expected, int ExitCode);

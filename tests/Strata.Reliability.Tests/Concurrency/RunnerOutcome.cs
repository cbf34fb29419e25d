using System.Text.RegularExpressions;
using Strata.Execution;
using Strata.TestSupport;

namespace Strata.Reliability.Tests.Concurrency;

/// <summary>How one runner (a CLI process or a library <see cref="Migrator"/>) of a concurrent scenario ended.</summary>
/// <param name="Name">Its application_name.</param>
/// <param name="Ok">Exit code 0, or no exception (a library run that returned succeeded).</param>
/// <param name="Applied">The migrations it applied itself, by display name.</param>
/// <param name="Waited">It reported waiting for the migration lock.</param>
/// <param name="UpToDate">It reported that there was nothing to apply.</param>
/// <param name="Output">What it printed or reported, for failure messages.</param>
public sealed partial record RunnerOutcome(string Name, bool Ok, IReadOnlyList<string> Applied, bool Waited, bool UpToDate, string Output)
{
    /// <summary>The outcome of a CLI run.</summary>
    public static RunnerOutcome FromCli(string name, CliResult result) => new(
        name,
        result.ExitCode == 0,
        AppliedNames(result.Stdout),
        result.Stderr.Contains("waiting for the migration lock", StringComparison.Ordinal),
        result.Stdout.Contains("Already up to date", StringComparison.Ordinal),
        result.ToString());

    /// <summary>The outcome of a library run that returned.</summary>
    public static RunnerOutcome FromLibrary(string name, MigrationResult result, RecordingObserver observer) => new(
        name,
        true,
        result.Applied.Select(s => s.Migration).ToList(),
        !observer.Waits.IsEmpty,
        result.NothingToDo,
        string.Join('\n', observer.Events));

    /// <summary>The outcome of a library run that threw.</summary>
    public static RunnerOutcome FromLibrary(string name, Exception error, RecordingObserver observer) => new(
        name, false, [], !observer.Waits.IsEmpty, false, string.Join('\n', observer.Events) + "\n" + error);

    /// <summary>The migrations a CLI run reports as applied (<c>  ok 002_slow   6.0 s</c>), in order.</summary>
    public static IReadOnlyList<string> AppliedNames(string stdout) => AppliedLine().Matches(stdout).Select(m => m.Groups[1].Value).ToList();

    /// <inheritdoc />
    public override string ToString() => $"=== {Name}: {(Ok ? "ok" : "FAILED")}, applied {Applied.Count}\n{Output}";

    [GeneratedRegex(@"^\s+(?:ok|✓) (\d+_\w+?)\s", RegexOptions.Multiline)]
    private static partial Regex AppliedLine();
}

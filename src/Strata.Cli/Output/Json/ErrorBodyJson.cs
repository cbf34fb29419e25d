namespace Strata.Cli.Output.Json;

/// <summary>What went wrong, for machines.</summary>
internal sealed record ErrorBodyJson(
    string Category,
    int ExitCode,
    string Message,
    string? Hint,
    IReadOnlyList<ProblemJson>? Problems,
    LocationJson? Location,
    string? SqlState)
{
    /// <summary>With <c>migrate --backup</c>: the backup taken before the run that failed, and how to restore it.</summary>
    public BackupJson? Backup { get; init; }
}

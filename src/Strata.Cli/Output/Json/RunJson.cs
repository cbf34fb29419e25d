namespace Strata.Cli.Output.Json;

/// <summary>migrate, rollback and redo with <c>--json</c> (also their <c>--dry-run</c>).</summary>
/// <remarks><see cref="Batch"/> is the batch written (migrate) or the newest one reverted (rollback); <see cref="Batches"/> lists every batch touched.</remarks>
internal sealed record RunJson(string Command, string Database, string Environment, bool DryRun, int Batch, long DurationMs, IReadOnlyList<StepJson> Steps)
{
    public IReadOnlyList<int> Batches { get; init; } = [];

    /// <summary>True for <c>--dry-run --offline</c>: planned from the files alone, as for an empty database.</summary>
    public bool? Offline { get; init; }

    /// <summary>With <c>migrate --backup</c>: the backup taken before the run.</summary>
    public BackupJson? Backup { get; init; }
}

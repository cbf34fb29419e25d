namespace Strata.Operations;

/// <summary>A whole fleet run: its id (for <c>--resume</c>), its ledger, and every target's result in the targets' order.</summary>
/// <param name="RunId">The run's id, also the ledger's file name.</param>
/// <param name="LedgerPath">The JSON-lines ledger written, or null when none was.</param>
/// <param name="Targets">One result per target.</param>
public sealed record FleetResult(string RunId, string? LedgerPath, IReadOnlyList<FleetTargetResult> Targets)
{
    /// <summary>Why the run started no further target, or <see cref="FleetStopReason.None"/> when every target was started.</summary>
    public FleetStopReason Stop { get; init; }

    /// <summary>How many targets ended with <paramref name="outcome"/>.</summary>
    public int Count(FleetOutcome outcome) => Targets.Count(t => t.Outcome == outcome);
}

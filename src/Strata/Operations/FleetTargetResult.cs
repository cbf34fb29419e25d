namespace Strata.Operations;

/// <summary>What happened to one target of a fleet run.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Applied">Migrations applied (migrate), or pending/out of sync (status).</param>
/// <param name="Head">Its highest applied version afterwards, when known.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Error">The error message (never a password), for <see cref="FleetOutcome.Failed"/>.</param>
/// <param name="Category">The error's category (decides the exit code), or null for an unexpected error.</param>
public sealed record FleetTargetResult(string Target, FleetOutcome Outcome, int Applied, long? Head, TimeSpan Duration, string? Error = null, Errors.ErrorCategory? Category = null)
{
    /// <summary>True when the target was found up to date by the run's shared history read (<see cref="FleetOptions.HistoryReader"/>), without a session of its own.</summary>
    public bool SharedRead { get; init; }
}

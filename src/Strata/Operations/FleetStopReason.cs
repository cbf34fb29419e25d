namespace Strata.Operations;

/// <summary>Why a fleet run started no further target (<see cref="FleetResult.Stop"/>); the targets it did not start are <see cref="FleetOutcome.Skipped"/>.</summary>
public enum FleetStopReason
{
    /// <summary>Every target was started (a failure under a stopping policy came when none was left to start).</summary>
    None,

    /// <summary>A target failed under <see cref="FleetErrorPolicy.Stop"/>.</summary>
    Failure,

    /// <summary><see cref="FleetOptions.MaxFailures"/> targets failed.</summary>
    MaxFailures,

    /// <summary>A canary target failed (<see cref="FleetOptions.Canary"/>, <see cref="FleetOptions.CanaryTargets"/>): the rest never start.</summary>
    Canary,
}

namespace Strata.Operations;

/// <summary>What a fleet run does after a target fails (<c>--on-error</c>).</summary>
public enum FleetErrorPolicy
{
    /// <summary>Start no further target (those already running finish); the rest are reported as skipped.</summary>
    Stop,

    /// <summary>Go on with every other target; the failed ones are named in the summary.</summary>
    Continue,
}

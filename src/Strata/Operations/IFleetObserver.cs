namespace Strata.Operations;

/// <summary>
/// Hears a fleet run as it happens (a live progress view, a log). Called from the runner's parallel workers, so an
/// implementation must be thread-safe and quick; an exception it throws fails the run.
/// </summary>
public interface IFleetObserver
{
    /// <summary><paramref name="target"/> was started.</summary>
    void OnStarted(string target);

    /// <summary>A target ended (any outcome, also <see cref="FleetOutcome.Skipped"/> and <see cref="FleetOutcome.DoneEarlier"/>).</summary>
    void OnFinished(FleetTargetResult result);
}

using Strata.Planning;

namespace Strata.Execution;

/// <summary>What happened to one step.</summary>
/// <param name="Migration">The migration's display name.</param>
/// <param name="Version">Its version, or null for a repeatable.</param>
/// <param name="Direction">Up or down.</param>
/// <param name="Outcome">Applied, or skipped because another process got there first.</param>
/// <param name="Duration">How long it took.</param>
public sealed record StepResult(string Migration, long? Version, StepDirection Direction, ExecutionOutcome Outcome, TimeSpan Duration);

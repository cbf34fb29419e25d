using Strata.Errors;
using Strata.Execution;
using Strata.Planning;

namespace Strata.Tests.Engine;

/// <summary>Writes what the migrator tells its observer as lines, for the engine tests to compare.</summary>
internal sealed class RecordingObserver : IMigrationObserver
{
    public List<string> Events { get; } = [];

    public void OnLockWaiting(LockHolder holder) => Events.Add("waiting for " + holder);

    public void OnLockAcquired(TimeSpan waited) => Events.Add("acquired");

    public void OnStepStarting(MigrationStep migrationStep) => Events.Add($"start {Name(migrationStep)}");

    public void OnStatementFinished(MigrationStep migrationStep, StatementProgress progress) =>
        Events.Add($"statement {progress.Index}/{progress.Count} of {Name(migrationStep)}");

    public void OnRetry(MigrationStep migrationStep, int attempt, int attempts, TimeSpan delay, MigrationFailedException failure) =>
        Events.Add($"retry {Name(migrationStep)} {attempt}/{attempts} after {delay.TotalMilliseconds:0} ms ({failure.SqlState})");

    public void OnStepFinished(MigrationStep migrationStep, StepResult result) => Events.Add($"{result.Outcome.ToString().ToLowerInvariant()} {Name(migrationStep)}");

    private static string Name(MigrationStep step) => step.Migration.DisplayName + (step.Direction == StepDirection.Down ? " (down)" : "");
}

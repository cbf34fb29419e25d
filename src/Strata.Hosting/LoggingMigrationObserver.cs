using Microsoft.Extensions.Logging;
using Strata.Execution;
using Strata.Planning;

namespace Strata.Hosting;

/// <summary>
/// Turns the engine's progress into log entries: lock waits (naming the holder), each step with its duration,
/// statements of no-transaction scripts at Debug. Given to the <see cref="Migrator"/> that the hosting integration
/// builds, so injected migrators log the same way.
/// </summary>
internal sealed class LoggingMigrationObserver : IMigrationObserver
{
    private readonly ILogger _logger;

    public LoggingMigrationObserver(ILogger logger) => _logger = logger;

    public void OnLockWaiting(LockHolder holder) => Log.LockWaiting(_logger, holder.ToString());

    public void OnLockAcquired(TimeSpan waited) => Log.LockAcquired(_logger, Milliseconds(waited));

    public void OnStepStarting(MigrationStep migrationStep) =>
        Log.StepStarting(_logger, migrationStep.Migration.DisplayName, migrationStep.Direction == StepDirection.Up ? "up" : "down");

    public void OnStatementFinished(MigrationStep migrationStep, StatementProgress progress) =>
        Log.StatementFinished(_logger, migrationStep.Migration.DisplayName, progress.Index, progress.Count, progress.Line);

    public void OnRetry(MigrationStep migrationStep, int attempt, int attempts, TimeSpan delay, Errors.MigrationFailedException failure) =>
        Log.StepRetrying(_logger, migrationStep.Migration.DisplayName, failure.ServerMessage, Milliseconds(delay), attempt + 1, attempts);

    public void OnStepFinished(MigrationStep migrationStep, StepResult result)
    {
        if (result.Outcome == ExecutionOutcome.Skipped)
        {
            Log.StepSkipped(_logger, result.Migration);
        }
        else if (result.Direction == StepDirection.Up)
        {
            Log.StepApplied(_logger, result.Migration, Milliseconds(result.Duration));
        }
        else
        {
            Log.StepReverted(_logger, result.Migration, Milliseconds(result.Duration));
        }
    }

    /// <summary>Whole milliseconds, as the CLI prints them.</summary>
    internal static long Milliseconds(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds);
}

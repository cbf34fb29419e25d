using System.Collections.Concurrent;
using Strata.Errors;
using Strata.Execution;
using Strata.Planning;

namespace Strata.Reliability.Tests.Concurrency;

/// <summary>Remembers what a library <see cref="Migrator"/> reported: lock waits, retries and finished steps.</summary>
public sealed class RecordingObserver : IMigrationObserver
{
    private readonly ConcurrentQueue<string> _events = new();

    /// <summary>The holders reported while waiting for the lock.</summary>
    public ConcurrentQueue<LockHolder> Waits { get; } = new();

    /// <summary>Every event, in order, as text (for failure messages).</summary>
    public IReadOnlyList<string> Events => [.. _events];

    public void OnLockWaiting(LockHolder holder)
    {
        Waits.Enqueue(holder);
        _events.Enqueue("waiting for the migration lock, held by " + holder);
    }

    public void OnLockAcquired(TimeSpan waited) => _events.Enqueue($"lock acquired after {waited.TotalSeconds:0.00} s");

    public void OnRetry(MigrationStep migrationStep, int attempt, int attempts, TimeSpan delay, MigrationFailedException failure) =>
        _events.Enqueue($"retry {attempt} of {attempts} of {migrationStep.Migration.DisplayName}: {failure.Message}");

    public void OnStepFinished(MigrationStep migrationStep, StepResult result) =>
        _events.Enqueue($"{result.Outcome} {result.Migration}");
}

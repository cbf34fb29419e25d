using Strata.Planning;

namespace Strata.Execution;

/// <summary>
/// Hears what a <see cref="Migrator"/> does, as it does it: the CLI renders progress from it, the hosting
/// integration logs it. Every member has an empty default, so implement only what you need. Called on the
/// migrating thread; keep handlers quick.
/// </summary>
public interface IMigrationObserver
{
    /// <summary>Another process holds the migration lock; Strata is waiting for it.</summary>
    void OnLockWaiting(LockHolder holder)
    {
    }

    /// <summary>The lock is held after waiting <paramref name="waited"/>.</summary>
    void OnLockAcquired(TimeSpan waited)
    {
    }

    /// <summary>Called before each step runs; <see cref="OnStepFinished"/> follows unless the step throws.</summary>
    void OnStepStarting(MigrationStep migrationStep)
    {
    }

    /// <summary>
    /// Statements of a step finished: each statement of a no-transaction step, and for a streamed step (a file too
    /// large to hold) every few statements of its transaction. <see cref="StatementProgress.Count"/> is 0 when unknown.
    /// </summary>
    void OnStatementFinished(MigrationStep migrationStep, StatementProgress progress)
    {
    }

    /// <summary>
    /// A transactional step failed because a table lock was not granted in time (<paramref name="failure"/>, SQLSTATE
    /// 55P03); nothing of it remains, and it will run again after <paramref name="delay"/> (try
    /// <paramref name="attempt"/> + 1 of <paramref name="attempts"/>).
    /// </summary>
    void OnRetry(MigrationStep migrationStep, int attempt, int attempts, TimeSpan delay, Errors.MigrationFailedException failure)
    {
    }

    /// <summary>A step finished (or was skipped because another process had already run it).</summary>
    void OnStepFinished(MigrationStep migrationStep, StepResult result)
    {
    }
}

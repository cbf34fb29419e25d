namespace Strata.Execution;

/// <summary>
/// The result of a migrate, rollback or redo run: what ran, how long it took, and — when produced by a caller that
/// does not throw (the hosting integration) — what went wrong. <see cref="Migrator"/> itself returns it only on
/// success and throws typed <see cref="Errors.StrataException"/>s on failure.
/// </summary>
/// <param name="Steps">Every step run or skipped, in order.</param>
/// <param name="Duration">Wall time of the whole run.</param>
/// <param name="Batch">The batch number written (migrate), or the batch reverted (rollback); 0 when nothing ran.</param>
public sealed record MigrationResult(IReadOnlyList<StepResult> Steps, TimeSpan Duration, int Batch)
{
    /// <summary>True when the run finished without errors.</summary>
    public bool Success => Errors.Count == 0;

    /// <summary>The steps that really ran here (not those another runner had already done).</summary>
    public IReadOnlyList<StepResult> Applied => Steps.Where(s => s.Outcome == ExecutionOutcome.Applied).ToList();

    /// <summary>How many migration scripts ran (the numbered-SQL runner's <c>filesExecuted</c>).</summary>
    public int FilesExecuted => Steps.Count(s => s.Outcome == ExecutionOutcome.Applied);

    /// <summary>
    /// Every batch the run touched, ascending: the one it wrote (migrate), or each batch whose migrations it reverted
    /// (a rollback of N steps or down to a version can reach into several); empty when nothing ran.
    /// </summary>
    public IReadOnlyList<int> Batches { get; init; } = [];

    /// <summary>The errors that stopped the run; empty on success.</summary>
    public IReadOnlyList<Exception> Errors { get; init; } = [];

    /// <summary>True when the run succeeded and there was nothing to do.</summary>
    public bool NothingToDo => Success && FilesExecuted == 0;

    /// <summary>A failed run: no steps known to have run, the error, and how long it took to fail.</summary>
    public static MigrationResult Failed(Exception error, TimeSpan duration) => new([], duration, 0) { Errors = [error] };
}

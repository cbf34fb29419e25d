namespace Strata.Execution;

/// <summary>
/// The result of a successful migrate or rollback run: what ran and how long it took. A run that fails returns no
/// result: <see cref="Migrator"/> throws a typed <see cref="Errors.StrataException"/> (a
/// <see cref="Errors.MigrationFailedException"/> for a migration's SQL), which is the one way failures are reported.
/// </summary>
/// <param name="Steps">Every step run or skipped, in order.</param>
/// <param name="Duration">Wall time of the whole run.</param>
/// <param name="Batch">The batch number written (migrate), or the batch reverted (rollback); 0 when nothing ran.</param>
public sealed record MigrationResult(IReadOnlyList<StepResult> Steps, TimeSpan Duration, int Batch)
{
    /// <summary>The steps that really ran here (not those another runner had already done).</summary>
    public IReadOnlyList<StepResult> Applied => Steps.Where(s => s.Outcome == ExecutionOutcome.Applied).ToList();

    /// <summary>How many migration scripts ran (the numbered-SQL runner's <c>filesExecuted</c>).</summary>
    public int FilesExecuted => Steps.Count(s => s.Outcome == ExecutionOutcome.Applied);

    /// <summary>
    /// Every batch the run touched, ascending: the one it wrote (migrate), or each batch whose migrations it reverted
    /// (a rollback of N steps or down to a version can reach into several); empty when nothing ran.
    /// </summary>
    public IReadOnlyList<int> Batches { get; init; } = [];

    /// <summary>True when there was nothing to do.</summary>
    public bool NothingToDo => FilesExecuted == 0;
}

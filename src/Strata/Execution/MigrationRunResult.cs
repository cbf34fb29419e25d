namespace Strata.Execution;

/// <summary>The result of a migrate or rollback run that succeeded (failures are exceptions).</summary>
/// <param name="Steps">Every step run or skipped, in order.</param>
/// <param name="Duration">Wall time of the whole run.</param>
/// <param name="Batch">The batch number written (migrate), or the batch reverted (rollback); 0 when nothing ran.</param>
public sealed record MigrationRunResult(IReadOnlyList<StepResult> Steps, TimeSpan Duration, int Batch)
{
    /// <summary>The steps that really ran here.</summary>
    public IEnumerable<StepResult> Applied => Steps.Where(s => s.Outcome == ExecutionOutcome.Applied);

    /// <summary>True when there was nothing to do.</summary>
    public bool NothingToDo => !Applied.Any();
}

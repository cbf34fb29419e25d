namespace Strata.Planning;

/// <summary>What a migrate or rollback would do: the steps in order and the status it was planned from.</summary>
/// <param name="Steps">The steps, in the order they run.</param>
/// <param name="Status">The status the plan was made from.</param>
public sealed record MigrationPlan(IReadOnlyList<MigrationStep> Steps, StatusReport Status)
{
    /// <summary>True when there is nothing to do.</summary>
    public bool IsEmpty => Steps.Count == 0;
}

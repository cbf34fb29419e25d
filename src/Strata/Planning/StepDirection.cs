namespace Strata.Planning;

/// <summary>Which script of a migration a step runs.</summary>
public enum StepDirection
{
    /// <summary>The up script (migrate).</summary>
    Up,

    /// <summary>The down script (rollback).</summary>
    Down,
}

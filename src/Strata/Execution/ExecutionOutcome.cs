namespace Strata.Execution;

/// <summary>What happened to a script handed to <see cref="IScriptExecutor"/>.</summary>
public enum ExecutionOutcome
{
    /// <summary>The script ran and its history change was committed with it.</summary>
    Applied,

    /// <summary>The history change's precondition no longer held (another process applied it): nothing ran.</summary>
    Skipped,
}

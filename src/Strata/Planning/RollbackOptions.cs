namespace Strata.Planning;

/// <summary>Options of <c>strata rollback</c>; with neither set, the last batch is reverted.</summary>
public sealed record RollbackOptions
{
    /// <summary>Revert the last N applied migrations.</summary>
    public int? Steps { get; init; }

    /// <summary>Revert every migration newer than this version (0: all of them).</summary>
    public long? ToVersion { get; init; }
}

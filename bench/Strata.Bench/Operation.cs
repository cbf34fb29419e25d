namespace Strata.Bench;

/// <summary>The migration-tool operations timed on one database, in the order a run performs them.</summary>
internal enum Operation
{
    /// <summary>Apply all N migrations to an empty database.</summary>
    Apply,

    /// <summary>Run the apply command again with everything applied (nothing to do).</summary>
    Noop,

    /// <summary>Report the status with everything applied.</summary>
    Status,

    /// <summary>Roll back all N migrations.</summary>
    Rollback,
}

namespace Strata.Operations;

/// <summary>How one target of a fleet run ended.</summary>
public enum FleetOutcome
{
    /// <summary>Migrations were applied.</summary>
    Migrated,

    /// <summary>Rollback only: migrations were rolled back.</summary>
    RolledBack,

    /// <summary>Nothing was pending (migrate), or the status is clean (status).</summary>
    UpToDate,

    /// <summary>Status only: migrations are pending or out of sync.</summary>
    Pending,

    /// <summary>The target failed; <see cref="FleetTargetResult.Error"/> says why.</summary>
    Failed,

    /// <summary>Not started because an earlier failure stopped the run (<see cref="FleetErrorPolicy.Stop"/>).</summary>
    Skipped,

    /// <summary>Not run again: the resumed run's ledger says it succeeded.</summary>
    DoneEarlier,
}

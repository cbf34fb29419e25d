namespace Strata.Operations;

/// <summary>How <see cref="FleetRunner"/> runs over its targets.</summary>
public sealed record FleetOptions
{
    /// <summary>How many targets run at once (default 4). Each holds one or two connections to its server while it runs.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>What happens after a target fails (default <see cref="FleetErrorPolicy.Stop"/>).</summary>
    public FleetErrorPolicy OnError { get; init; } = FleetErrorPolicy.Stop;

    /// <summary>The folder of run ledgers (<c>.strata/runs</c>), or null to write none.</summary>
    public string? LedgerFolder { get; init; }

    /// <summary>A run to resume: its ledger's targets that succeeded are not run again; null for a new run.</summary>
    public string? Resume { get; init; }

    /// <summary>The migrate options (target version, out of order) every target gets.</summary>
    public Planning.MigrateOptions Migrate { get; init; } = new();
}

namespace Strata.Operations;

/// <summary>How <see cref="FleetRunner"/> runs over its targets.</summary>
public sealed record FleetOptions
{
    /// <summary>How many targets run at once (default 4). Each holds one or two connections to its server while it runs.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>What happens after a target fails (default <see cref="FleetErrorPolicy.Stop"/>).</summary>
    public FleetErrorPolicy OnError { get; init; } = FleetErrorPolicy.Stop;

    /// <summary>
    /// Start no further target once this many have failed (those running finish); null (default) lets
    /// <see cref="OnError"/> decide. Set, it wins over <see cref="OnError"/>: <c>1</c> is <see cref="FleetErrorPolicy.Stop"/>.
    /// </summary>
    public int? MaxFailures { get; init; }

    /// <summary>
    /// How many targets run first, as a canary stage: the first this many of those still to run (in the targets' order).
    /// The rest start only when every canary succeeded; any canary failure stops the run. 0 (default): no canary stage.
    /// </summary>
    public int Canary { get; init; }

    /// <summary>Targets (by name) that run in the canary stage, besides the first <see cref="Canary"/>; each must be one of the targets.</summary>
    public IReadOnlyCollection<string> CanaryTargets { get; init; } = [];

    /// <summary>
    /// Reads many targets' histories at once (PostgreSQL: <c>PostgreSqlSchemaHistories</c> for the schemas of one
    /// database), so <see cref="FleetRunner.MigrateAsync"/> reports the up-to-date ones without a session each; null
    /// (default): every target is read on its own. Not used with a target version.
    /// </summary>
    public IFleetHistoryReader? HistoryReader { get; init; }

    /// <summary>Told of every target as it starts and ends, or null.</summary>
    public IFleetObserver? Observer { get; init; }

    /// <summary>The folder of run ledgers (<c>.strata/runs</c>), or null to write none.</summary>
    public string? LedgerFolder { get; init; }

    /// <summary>A run to resume: its ledger's targets that succeeded are not run again; null for a new run.</summary>
    public string? Resume { get; init; }

    /// <summary>The migrate options (target version, out of order) every target gets.</summary>
    public Planning.MigrateOptions Migrate { get; init; } = new();

    /// <summary>The rollback options (steps, down to a version) every target gets in <see cref="FleetRunner.RollbackAsync"/>.</summary>
    public Planning.RollbackOptions Rollback { get; init; } = new();
}

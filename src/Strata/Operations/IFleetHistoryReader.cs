using Strata.History;

namespace Strata.Operations;

/// <summary>
/// Reads the history of many fleet targets at once (e.g. every schema of one database in one query), so
/// <see cref="FleetRunner.MigrateAsync"/> can report the targets that are already up to date without opening a session
/// for each. A target it leaves out (or cannot read) simply runs the ordinary way.
/// </summary>
public interface IFleetHistoryReader
{
    /// <summary>The history rows of the targets it could read, by target name; an empty list for a target without a history table.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<AppliedMigration>>> ReadAsync(IReadOnlyList<FleetTarget> targets, CancellationToken cancellationToken);
}

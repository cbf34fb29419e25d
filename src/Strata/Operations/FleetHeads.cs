using Strata.Execution;
using Strata.Planning;
using Strata.Sources;

namespace Strata.Operations;

/// <summary>
/// The no-op fast path of a fleet migrate: with a <see cref="FleetOptions.HistoryReader"/>, every history it can read
/// at once is compared with the migrations (as <c>status</c> does); a target whose status is clean has nothing to apply
/// and is reported up to date without a session, a lock or a second read. Any problem reading falls back to the
/// ordinary path, which reports it per target.
/// </summary>
internal static class FleetHeads
{
    /// <summary>The targets with nothing to apply, with their head version.</summary>
    public static async Task<IReadOnlyDictionary<string, long?>> CleanAsync(
        IMigrationSource source, MigratorOptions defaults, IReadOnlyList<FleetTarget> targets, FleetOptions options, CancellationToken cancellationToken)
    {
        if (options.HistoryReader is null || targets.Count == 0 || options.Migrate.Target is not null)
        {
            return new Dictionary<string, long?>();
        }

        IReadOnlyDictionary<string, IReadOnlyList<History.AppliedMigration>> histories;
        IReadOnlyList<Migration> migrations;
        try
        {
            migrations = await source.LoadAsync(targets[0].Provider.Dialect, cancellationToken).ConfigureAwait(false);
            histories = await options.HistoryReader.ReadAsync(targets, cancellationToken).ConfigureAwait(false);
        }
        catch (Errors.StrataException)
        {
            return new Dictionary<string, long?>();
        }

        var clean = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            if (histories.TryGetValue(target.Name, out var rows) && rows.Count > 0)
            {
                var status = StatusBuilder.Build(migrations, rows, (target.Options ?? defaults).GateEnvironment);
                if (status.IsClean)
                {
                    clean[target.Name] = rows.Where(r => r.Version is not null).Select(r => r.Version).Max();
                }
            }
        }

        return clean;
    }
}

using Strata.Planning;

namespace Strata.Hosting;

/// <summary>
/// Recognises the state an older release meets when it restarts after a newer one migrated (a rolling deploy, a
/// rollback of the application): the history holds migrations this build does not have, all newer than its own,
/// and nothing else is out of line. Like Flyway's "future" migrations, that is no reason to refuse to start.
/// </summary>
internal static class NewerRelease
{
    /// <summary>
    /// The display names of the migrations applied by a newer release, when they are the only thing that keeps
    /// <paramref name="report"/> from being clean; empty otherwise (then the validation error stands).
    /// </summary>
    public static IReadOnlyList<string> OnlyFutureMigrations(StatusReport report)
    {
        var newestKnown = report.Entries
            .Where(e => e.Migration is not null && e.Version is not null)
            .Select(e => e.Version!.Value)
            .DefaultIfEmpty(-1)
            .Max();
        var notClean = report.NotClean.ToList();
        var future = notClean
            .Where(e => e.Status == MigrationStatusKind.Missing && (e.Version is null || e.Version > newestKnown))
            .ToList();
        return future.Count > 0 && future.Count == notClean.Count && future.Any(e => e.Version is not null)
            ? future.Select(e => e.DisplayName).ToList()
            : [];
    }
}

using Strata.Sources;

namespace Strata.Schema;

/// <summary>
/// One connection to a scratch database (or a copy) on which migrations are measured, from
/// <see cref="IMigrationMeasuring.OpenProbeAsync"/>; disposing closes it. Server errors in a migration come back in the
/// result; a lost connection throws <see cref="Errors.DatabaseUnavailableException"/>.
/// </summary>
public interface IMigrationProbe : IAsyncDisposable
{
    /// <summary>
    /// Runs <paramref name="script"/> (of the migration shown as <paramref name="migration"/>) as the executor would and
    /// reports what it did. A transactional script is rolled back afterwards, or committed when <paramref name="keep"/>
    /// (on a copy of a real database, where the next migration needs its effect); a no-transaction one stays applied
    /// (up to a failing statement).
    /// </summary>
    /// <param name="migration">The migration's name, for messages.</param>
    /// <param name="script">Its up script.</param>
    /// <param name="keep">Commit a transactional script instead of rolling it back.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    Task<MigrationMeasurement> MeasureAsync(string migration, SqlScript script, bool keep, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="script"/> for good (in a transaction unless it is a no-transaction script), as the
    /// executor would, without a history row; throws <see cref="Errors.MigrationFailedException"/> when a statement fails.
    /// </summary>
    /// <param name="migration">The migration's name, for messages.</param>
    /// <param name="script">Its up script.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    Task ApplyAsync(string migration, SqlScript script, CancellationToken cancellationToken);
}

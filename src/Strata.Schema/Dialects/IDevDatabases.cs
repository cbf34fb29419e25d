using Strata.Configuration;

namespace Strata.Schema;

/// <summary>
/// The configured dev database (<c>devDatabase</c> in strata.json, <c>--dev-database</c>) used instead of scratch
/// databases: an existing, empty database of the same dialect that the work fills and empties again (ADR 010, 014).
/// </summary>
public interface IDevDatabases
{
    /// <summary>
    /// Locks <paramref name="dev"/> (waiting up to <paramref name="lockTimeout"/>), checks that it is empty and hands
    /// it out as a scratch database; disposing it empties and unlocks it. Throws <see cref="Errors.ConfigurationException"/>
    /// when it is another dialect's database, <see cref="Errors.DatabaseUnavailableException"/> when it cannot be reached,
    /// <see cref="Errors.StrataException"/> when another command holds it or it is not empty.
    /// </summary>
    /// <param name="dev">The dev database.</param>
    /// <param name="display">How to name the configured database in messages (no password).</param>
    /// <param name="lockTimeout">How long to wait for another command to finish with it.</param>
    /// <param name="warning">Told what went wrong when it could not be emptied at the end (the next use will refuse it).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<IScratchDatabase> OpenAsync(DatabaseTarget dev, string display, TimeSpan lockTimeout, Action<string>? warning, CancellationToken cancellationToken);
}

namespace Strata.Schema;

/// <summary>
/// Empties the dialect's database for <c>strata reset</c>: PostgreSQL drops every non-system schema (with everything
/// in it) and recreates an empty <c>public</c>; SQLite deletes the file and its <c>-wal</c>, <c>-shm</c> and
/// <c>-journal</c> files. The database is usable afterwards (a migrate recreates what it needs).
/// </summary>
public interface IDatabaseWipe
{
    /// <summary>
    /// Wipes the database. Throws <see cref="Errors.StrataException"/>: bad input (exit 2) when the server refuses
    /// (the role does not own every schema), unavailable (exit 5) when it cannot be reached.
    /// </summary>
    /// <param name="display">How to name the database in messages (no password).</param>
    /// <param name="cancellationToken">Cancels the wipe.</param>
    Task WipeAsync(string display, CancellationToken cancellationToken);
}

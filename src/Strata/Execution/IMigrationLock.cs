namespace Strata.Execution;

/// <summary>
/// Keeps two runners from migrating one database at once. PostgreSQL: a session advisory lock on the connection
/// that runs the migrations (so it ends only with the server process doing the work), polled outside any transaction. SQLite: nothing to hold — each migration's own
/// <c>BEGIN IMMEDIATE</c> transaction serialises writers, so there is no lock row that could go stale.
/// </summary>
public interface IMigrationLock
{
    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the lock. Reports the holder through
    /// <paramref name="waiting"/> once when it has to wait. Throws <see cref="Errors.LockTimeoutException"/>
    /// naming the holder when the wait runs out. Disposing the result releases the lock.
    /// </summary>
    Task<IAsyncDisposable> AcquireAsync(TimeSpan timeout, IProgress<LockHolder>? waiting, CancellationToken cancellationToken);
}

using Strata.Execution;

namespace Strata.Sqlite;

/// <summary>
/// SQLite needs no session lock: each migration's <c>BEGIN IMMEDIATE</c> transaction takes SQLite's write lock
/// (waiting up to the busy timeout) and re-checks the history inside it. Nothing is written here, so a crashed
/// runner can never leave a stale lock behind.
/// </summary>
internal sealed class MigrationLock : IMigrationLock
{
    public Task<IAsyncDisposable> AcquireAsync(TimeSpan timeout, IProgress<LockHolder>? waiting, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(Released.Instance);

    private sealed class Released : IAsyncDisposable
    {
        public static readonly Released Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

using Strata.Errors;
using Strata.Execution;

namespace Strata.Tests.Engine;

/// <summary>The migration lock of the <see cref="RecordingDialect"/>: free, or held by <see cref="RecordingDialect.LockHeldBy"/>.</summary>
internal sealed class RecordingLock(RecordingDialect dialect) : IMigrationLock
{
    public Task<IAsyncDisposable> AcquireAsync(TimeSpan timeout, IProgress<LockHolder>? waiting, CancellationToken cancellationToken)
    {
        if (dialect.LockHeldBy is { } holder)
        {
            waiting?.Report(holder);
            if (timeout <= TimeSpan.Zero)
            {
                dialect.Calls.Add("lock:timed-out");
                throw new LockTimeoutException(timeout, holder.ToString());
            }

            dialect.LockHeldBy = null;
            dialect.WhileWaitingForLock?.Invoke(dialect);
        }

        dialect.Calls.Add("lock");
        return Task.FromResult<IAsyncDisposable>(new Release(dialect));
    }

    private sealed class Release(RecordingDialect dialect) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dialect.Calls.Add("unlock");
            return ValueTask.CompletedTask;
        }
    }
}

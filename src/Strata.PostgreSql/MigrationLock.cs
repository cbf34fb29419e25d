using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Strata.Errors;
using Strata.Execution;

namespace Strata.PostgreSql;

/// <summary>
/// A session-level advisory lock held on the session's main connection, the one that runs the migrations. It is
/// taken by polling <c>pg_try_advisory_lock</c> in autocommit, never by blocking inside a transaction: between polls
/// the waiting session is idle with no snapshot, so a holder's <c>CREATE INDEX CONCURRENTLY</c> cannot wait on it.
/// The server releases the lock by itself only when the server process that does the migration work ends, so a
/// waiter never takes over while a killed runner's transaction could still commit (reliability R03). A short-lived
/// probe connection is opened first to detect a transaction-mode pooler (see <see cref="PoolerCheck"/>).
/// </summary>
internal sealed class MigrationLock : IMigrationLock
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(50);

    private readonly NpgsqlConnection _connection;
    private readonly Func<CancellationToken, Task<int>> _probeBackendPid;
    private readonly ServerEndpoint _endpoint;
    private readonly TimeSpan _longestPause;
    private readonly List<LockHandle> _held = [];
    private readonly int _mainBackendPid;

    /// <param name="connection">The session's main connection, which holds the lock.</param>
    /// <param name="probeBackendPid">Opens a new connection for the pooler check and returns its server process id, translating failures.</param>
    /// <param name="key">The advisory lock key.</param>
    /// <param name="endpoint">The server, for messages.</param>
    /// <param name="longestPause">The cap of the growing pause between attempts.</param>
    /// <param name="mainBackendPid">The server process of <paramref name="connection"/> (0: unknown, no pooler probe).</param>
    public MigrationLock(NpgsqlConnection connection, Func<CancellationToken, Task<int>> probeBackendPid, long key, ServerEndpoint endpoint, TimeSpan longestPause, int mainBackendPid = 0)
    {
        _connection = connection;
        _probeBackendPid = probeBackendPid;
        _mainBackendPid = mainBackendPid;
        Key = key;
        _endpoint = endpoint;
        _longestPause = longestPause > FirstPause ? longestPause : FirstPause;
    }

    /// <summary>The advisory lock key.</summary>
    public long Key { get; }

    public async Task<IAsyncDisposable> AcquireAsync(TimeSpan timeout, IProgress<LockHolder>? waiting, CancellationToken cancellationToken)
    {
        ErrorTranslator.ThrowIfClosed(_connection, "take the migration lock", _endpoint);
        try
        {
            await ProbeForPoolerAsync(cancellationToken).ConfigureAwait(false);
            await WaitForLockAsync(_connection, timeout, waiting, cancellationToken).ConfigureAwait(false);
            await PoolerCheck.AfterLockAsync(_connection, Key, _endpoint, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ErrorTranslator.IsConnectionLost(e) && e is not OperationCanceledException)
        {
            throw ErrorTranslator.ConnectionLost("while waiting for the migration lock", _endpoint, e);
        }

        var handle = new LockHandle(_connection, Key, Release);
        lock (_held)
        {
            _held.Add(handle);
        }

        return handle;
    }

    /// <summary>Releases every lock still held (the session is closing).</summary>
    public async Task ReleaseAllAsync()
    {
        LockHandle[] held;
        lock (_held)
        {
            held = [.. _held];
        }

        foreach (var handle in held)
        {
            await handle.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A second connection reaching the main connection's server process means a transaction-mode pooler.</summary>
    private async Task ProbeForPoolerAsync(CancellationToken cancellationToken)
    {
        if (_mainBackendPid == 0)
        {
            return;
        }

        PoolerCheck.BeforeLock(await _probeBackendPid(cancellationToken).ConfigureAwait(false), _mainBackendPid, _endpoint);
    }

    private void Release(LockHandle handle)
    {
        lock (_held)
        {
            _held.Remove(handle);
        }
    }

    private async Task WaitForLockAsync(NpgsqlConnection connection, TimeSpan timeout, IProgress<LockHolder>? waiting, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var pause = FirstPause;
        var reported = false;
        while (!await TryLockAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= timeout && timeout != Timeout.InfiniteTimeSpan)
            {
                var holder = await AdvisoryLockHolder.FindAsync(connection, Key, cancellationToken).ConfigureAwait(false);
                if (holder.ProcessId is null && await TryLockAsync(connection, cancellationToken).ConfigureAwait(false))
                {
                    return; // released between the last try and the look-up: it is ours now
                }

                throw new LockTimeoutException(elapsed, holder.ToString());
            }

            if (!reported)
            {
                // A holder that is already gone is not worth reporting; the next try will most likely succeed.
                var holder = await AdvisoryLockHolder.FindAsync(connection, Key, cancellationToken).ConfigureAwait(false);
                if (holder.ProcessId is not null)
                {
                    reported = true;
                    waiting?.Report(holder);
                }
            }

            var jittered = pause * (0.75 + (Random.Shared.NextDouble() / 2));
            var remaining = timeout == Timeout.InfiniteTimeSpan ? jittered : timeout - Stopwatch.GetElapsedTime(started);
            await Task.Delay(jittered < remaining ? jittered : remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < _longestPause ? pause * 2 : _longestPause;
        }
    }

    private async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Key, NpgsqlDbType = NpgsqlDbType.Bigint });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }
}

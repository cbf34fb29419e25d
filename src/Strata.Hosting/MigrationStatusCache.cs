using Strata.Errors;

namespace Strata.Hosting;

/// <summary>
/// Keeps health probes cheap: at most one status read of the database per <see cref="StrataOptions.HealthCacheDuration"/>,
/// shared by concurrent probes. A read that fails (database down) is cached like a successful one, so a flood of
/// probes cannot turn into a flood of connection attempts.
/// </summary>
internal sealed class MigrationStatusCache
{
    private readonly StrataRuntime _runtime;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Task<StatusRead>? _read;
    private long _readStarted;

    public MigrationStatusCache(StrataRuntime runtime, TimeProvider? time = null)
    {
        _runtime = runtime;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The latest read, or a new one when there is none or it is older than the cache duration.</summary>
    public Task<StatusRead> GetAsync()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (_read is null || (_read.IsCompleted && _time.GetElapsedTime(_readStarted, now) >= _runtime.Options.HealthCacheDuration))
            {
                _readStarted = now;
                _read = Task.Run(ReadAsync);
            }

            return _read;
        }
    }

    /// <summary>Forgets the cached read; called when the start-up migration changed the database.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _read = null;
        }
    }

    private async Task<StatusRead> ReadAsync()
    {
        try
        {
            return new StatusRead(await _runtime.Migrator.GetStatusAsync(CancellationToken.None).ConfigureAwait(false), null);
        }
        catch (StrataException e)
        {
            return new StatusRead(null, e);
        }
    }
}

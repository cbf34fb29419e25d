using System.Diagnostics;
using Npgsql;
using Strata.TestSupport;

namespace Strata.Reliability.Tests.Concurrency;

/// <summary>
/// Application traffic on one table while a migration tries to lock it: a reader selecting from it every 50 ms
/// (recording each query's latency) and a monitor recording each stretch during which a session of
/// <c>applicationName</c> waited for an ACCESS EXCLUSIVE lock on it (one stretch per migration attempt).
/// </summary>
public sealed class TableTraffic : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TimeSpan> _waits = [];
    private readonly Task _reader;
    private readonly Task _monitor;
    private long _maxLatencyTicks;
    private int _reads;

    private TableTraffic(TestDatabase database, string table, string applicationName)
    {
        _reader = Task.Run(() => ReadAsync(database, table, _stop.Token));
        _monitor = Task.Run(() => MonitorAsync(database, table, applicationName, _stop.Token));
    }

    /// <summary>The longest a reader query has taken so far.</summary>
    public TimeSpan MaxLatency => TimeSpan.FromTicks(Interlocked.Read(ref _maxLatencyTicks));

    /// <summary>How many reader queries completed.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>The finished lock-wait stretches so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_waits)
            {
                return [.. _waits];
            }
        }
    }

    /// <summary>Starts the reader and the monitor on <paramref name="table"/>.</summary>
    public static TableTraffic Start(TestDatabase database, string table, string applicationName) => new(database, table, applicationName);

    /// <summary>Stops both loops (rethrowing a failure of either).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_reader, _monitor);
        _stop.Dispose();
    }

    private async Task ReadAsync(TestDatabase database, string table, CancellationToken stop)
    {
        await using var connection = await OpenAsync(database, "r13-reader");
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            await command.ExecuteScalarAsync(CancellationToken.None);
            var ticks = clock.Elapsed.Ticks;
            if (ticks > Interlocked.Read(ref _maxLatencyTicks))
            {
                Interlocked.Exchange(ref _maxLatencyTicks, ticks);
            }

            Interlocked.Increment(ref _reads);
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private async Task MonitorAsync(TestDatabase database, string table, string applicationName, CancellationToken stop)
    {
        const string sql = """
            SELECT count(*) > 0 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.relation = $1::regclass AND l.mode = 'AccessExclusiveLock' AND NOT l.granted AND a.application_name = $2
            """;
        await using var connection = await OpenAsync(database, "r13-monitor");
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = table }, new() { Value = applicationName } } };
        Stopwatch? waiting = null;
        while (!stop.IsCancellationRequested)
        {
            var waits = await command.ExecuteScalarAsync(CancellationToken.None) is true;
            if (waits && waiting is null)
            {
                waiting = Stopwatch.StartNew();
            }
            else if (!waits && waiting is not null)
            {
                lock (_waits)
                {
                    _waits.Add(waiting.Elapsed);
                }

                waiting = null;
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(TestDatabase database, string applicationName)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = applicationName, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}

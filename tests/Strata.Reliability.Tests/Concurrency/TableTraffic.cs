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

    /// <summary>
    /// Polls pg_locks for the waiting lock. A stretch starts at the lock's own <c>waitstart</c> (PostgreSQL 14+; the
    /// server's clock, so a poll delayed by a loaded machine does not shorten it — CI once measured 0.33 s of a 1 s
    /// wait that way) and ends at the server time of the first poll that no longer sees it (late polls only lengthen a
    /// stretch, which the upper bound's slack allows). On 13 the first poll that sees the wait stands in for waitstart.
    /// </summary>
    private async Task MonitorAsync(TestDatabase database, string table, string applicationName, CancellationToken stop)
    {
        const string sql = """
            SELECT count(*) > 0, min(l.waitstart), clock_timestamp() FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.relation = $1::regclass AND l.mode = 'AccessExclusiveLock' AND NOT l.granted AND a.application_name = $2
            """;
        await using var connection = await OpenAsync(database, "r13-monitor");
        var version = connection.PostgreSqlVersion.Major;
        await using var command = new NpgsqlCommand(version >= 14 ? sql : sql.Replace("min(l.waitstart)", "NULL::timestamptz", StringComparison.Ordinal), connection)
        {
            Parameters = { new() { Value = table }, new() { Value = applicationName } },
        };
        DateTime? started = null;
        while (!stop.IsCancellationRequested)
        {
            await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
            {
                await reader.ReadAsync(CancellationToken.None);
                var waits = reader.GetBoolean(0);
                var now = reader.GetDateTime(2);
                if (waits && started is null)
                {
                    started = reader.IsDBNull(1) ? now : reader.GetDateTime(1);
                }
                else if (!waits && started is { } start)
                {
                    lock (_waits)
                    {
                        _waits.Add(now - start);
                    }

                    started = null;
                }
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

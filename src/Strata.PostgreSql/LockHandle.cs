using Npgsql;

namespace Strata.PostgreSql;

/// <summary>
/// A held migration lock: disposing it unlocks on the session's main connection, which stays open for the session.
/// Safe when that connection already died (the server released the lock then) and when disposed more than once.
/// </summary>
internal sealed class LockHandle : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;
    private readonly Action<LockHandle> _released;
    private int _disposed;

    public LockHandle(NpgsqlConnection connection, long key, Action<LockHandle> released)
    {
        _connection = connection;
        _key = key;
        _released = released;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _key });
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
        {
            // The connection is gone, and with it the lock. Any other failure leaves the lock to the end of the
            // session: closing Strata's own (unpooled) connection ends its server process, and the lock with it.
        }
        finally
        {
            _released(this);
        }
    }
}

using Npgsql;
using NpgsqlTypes;
using Strata.Errors;

namespace Strata.PostgreSql;

/// <summary>
/// Refuses to run through a transaction-mode connection pooler (PgBouncer <c>pool_mode = transaction</c>): there a
/// session-level advisory lock lands on whichever server session ran that one statement and protects nothing, or is
/// left behind on a pooled session. Two signs, each impossible on a direct connection: a second (probe) connection
/// reaches the same server process as the main connection, or the lock just taken is not held by the server process
/// that answers next.
/// </summary>
internal static class PoolerCheck
{
    private const string Message =
        "session-level lock not supported through transaction pooling: the database connections are being multiplexed onto shared server sessions (PgBouncer pool_mode=transaction or statement?); use a direct connection";

    private const string Hint = "point Strata at PostgreSQL itself or at a session-mode pool (PgBouncer pool_mode=session); migrations need one server session for their whole run";

    /// <summary>Refuses when the probe connection reached the main connection's server process.</summary>
    public static void BeforeLock(int probeBackendPid, int mainBackendPid, ServerEndpoint endpoint)
    {
        if (mainBackendPid != 0 && probeBackendPid == mainBackendPid)
        {
            throw new DatabaseUnavailableException($"{endpoint.Describe()}: {Message}", Hint);
        }
    }

    /// <summary>Checks the lock is held by the server process this connection talks to; if not, tries to let it go.</summary>
    public static async Task AfterLockAsync(NpgsqlConnection lockConnection, long key, ServerEndpoint endpoint, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()
              AND classid = $1 AND objid = $2 AND objsubid = 1
            """;
        var (classId, objectId) = LockKey.Halves(key);
        var command = new NpgsqlCommand(sql, lockConnection);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<uint> { TypedValue = classId, NpgsqlDbType = NpgsqlDbType.Oid });
        command.Parameters.Add(new NpgsqlParameter<uint> { TypedValue = objectId, NpgsqlDbType = NpgsqlDbType.Oid });
        if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1)
        {
            return;
        }

        await TryReleaseAsync(lockConnection, key).ConfigureAwait(false);
        throw new DatabaseUnavailableException($"{endpoint.Describe()}: {Message}", Hint);
    }

    /// <summary>Behind a pooler the unlock must reach the server session that took the lock; a few tries usually do.</summary>
    private static async Task TryReleaseAsync(NpgsqlConnection connection, long key)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            try
            {
                var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                await using var commandScope = command.ConfigureAwait(false);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key, NpgsqlDbType = NpgsqlDbType.Bigint });
                if (await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is true)
                {
                    return;
                }
            }
            catch (NpgsqlException)
            {
                return;
            }
        }
    }
}

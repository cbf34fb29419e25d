using Npgsql;
using NpgsqlTypes;
using Strata.Execution;

namespace Strata.PostgreSql;

/// <summary>Who holds a session advisory lock: for the migration lock's messages and the dev database's.</summary>
internal static class AdvisoryLockHolder
{
    /// <summary>The other session holding <paramref name="key"/> in this database, as far as <c>pg_locks</c> and <c>pg_stat_activity</c> show it.</summary>
    public static async Task<LockHolder> FindAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT l.pid, a.application_name, a.usename::text, a.state_change
            FROM pg_locks l
            LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 1
              AND l.pid <> pg_backend_pid()
            LIMIT 1
            """;
        var (classId, objectId) = LockKey.Halves(key);
        var command = new NpgsqlCommand(sql, connection);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<uint> { TypedValue = classId, NpgsqlDbType = NpgsqlDbType.Oid });
        command.Parameters.Add(new NpgsqlParameter<uint> { TypedValue = objectId, NpgsqlDbType = NpgsqlDbType.Oid });
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return new LockHolder(null, null, null, null);
        }

        return new LockHolder(
            reader.IsDBNull(0) ? null : reader.GetInt32(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }
}

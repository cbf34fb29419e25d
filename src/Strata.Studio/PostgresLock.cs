using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Strata.History;

namespace Strata.Studio;

/// <summary>
/// Who holds the migration lock: the session advisory lock Strata takes while migrating (ADR 004), whose key is the
/// first 8 bytes (big-endian) of SHA-256 over <c>strata:&lt;schema&gt;.&lt;table&gt;</c> of the history table, the schema
/// defaulting to the connection's <c>current_schema()</c>. Found in <c>pg_locks</c>, named from <c>pg_stat_activity</c>.
/// </summary>
internal static class PostgresLock
{
    private const string HolderSql = """
        select l.pid, a.application_name, a.usename::text, a.state_change
        from pg_locks l left join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.objsubid = 1
          and l.database = (select oid from pg_database where datname = current_database())
          and l.classid = $1 and l.objid = $2
        limit 1
        """;

    public static async Task<LockJson> HolderAsync(NpgsqlDataSource source, HistoryTableName history, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        var schema = history.Schema;
        if (schema is null)
        {
            await using var current = new NpgsqlCommand("select current_schema()", connection);
            schema = await current.ExecuteScalarAsync(ct) as string ?? "public";
        }

        var key = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("strata:" + schema + "." + history.Table)));
        await using var command = new NpgsqlCommand(HolderSql, connection);
        command.Parameters.Add(new NpgsqlParameter<uint> { TypedValue = (uint)((ulong)key >> 32), NpgsqlDbType = NpgsqlDbType.Oid });
        command.Parameters.Add(new NpgsqlParameter<uint> { TypedValue = (uint)((ulong)key & 0xFFFF_FFFF), NpgsqlDbType = NpgsqlDbType.Oid });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return new LockJson(false, $"free: nobody is migrating {schema}.{history.Table} now");
        }

        var holder = new LockJson(true, "")
        {
            Pid = reader.IsDBNull(0) ? null : reader.GetInt32(0),
            Application = reader.IsDBNull(1) ? null : reader.GetString(1),
            User = reader.IsDBNull(2) ? null : reader.GetString(2),
            Since = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
        };
        return holder with { Text = $"held by pid {holder.Pid}" + (string.IsNullOrEmpty(holder.Application) ? "" : $", application '{holder.Application}'") + (holder.User is null ? "" : $", user '{holder.User}'") };
    }
}

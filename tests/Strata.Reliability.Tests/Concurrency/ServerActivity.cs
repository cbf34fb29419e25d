using Npgsql;
using Strata.TestSupport;

namespace Strata.Reliability.Tests.Concurrency;

/// <summary>
/// What the server shows about the sessions and locks of one test database (<c>pg_stat_activity</c>, <c>pg_locks</c>).
/// Sessions are picked by application_name: a name ending in <c>-</c> (<c>r01-</c>) picks every name starting with
/// it, any other name (<c>strata</c>) only itself.
/// </summary>
public sealed class ServerActivity
{
    private const string NameFilter = "(a.application_name = $1 OR (right($1, 1) = '-' AND starts_with(a.application_name, $1)))";

    private readonly TestDatabase _database;

    public ServerActivity(TestDatabase database) => _database = database;

    /// <summary>The client backends of this database picked by <paramref name="name"/>.</summary>
    public Task<IReadOnlyList<Backend>> BackendsAsync(string name) =>
        QueryAsync(
            $"""
            SELECT a.pid, a.application_name, coalesce(a.state, ''), a.backend_xmin IS NOT NULL, coalesce(a.query, ''), a.wait_event
            FROM pg_stat_activity a
            WHERE a.datname = current_database() AND a.backend_type = 'client backend' AND a.pid <> pg_backend_pid() AND {NameFilter}
            ORDER BY a.pid
            """,
            name,
            r => new Backend(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));

    /// <summary>The backends picked by <paramref name="name"/> that hold an advisory lock (a Strata migration lock).</summary>
    public Task<IReadOnlyList<int>> AdvisoryHoldersAsync(string name) =>
        QueryAsync(
            $"""
            SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND {NameFilter}
            ORDER BY 1
            """,
            name,
            r => r.GetInt32(0));

    /// <summary>Every lock request in this database that waits (not granted), as <c>pid locktype mode</c>.</summary>
    public Task<IReadOnlyList<string>> WaitingLocksAsync() =>
        QueryAsync(
            """
            SELECT l.pid || ' ' || l.locktype || ' ' || l.mode FROM pg_locks l
            WHERE NOT l.granted AND $1 = $1
              AND (l.database IS NULL OR l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
            ORDER BY 1
            """,
            "",
            r => r.GetString(0));

    /// <summary>Waits until no backend picked by <paramref name="name"/> is left (a killed client's server process may linger).</summary>
    public Task NoBackendsLeftAsync(string name, TimeSpan timeout) =>
        Poll.UntilAsync(async () => (await BackendsAsync(name)).Count == 0, timeout, $"the backends of '{name}' to end");

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, string name, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter<string> { TypedValue = name } } };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

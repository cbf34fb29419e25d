using Npgsql;
using Strata.Adoption;
using Strata.Execution;
using Strata.History;

namespace Strata.PostgreSql;

/// <summary>
/// One open PostgreSQL session: a main connection for the lock, the history and the scripts (so the lock lives exactly
/// as long as the server process doing the work). Disposing releases any lock still held and closes the connection.
/// </summary>
internal sealed class Session : IDatabaseSession, IForeignHistoryReader
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly NpgsqlConnection _connection;
    private readonly MigrationLock _lock;
    private readonly bool _historySchemaNamed;

    public Session(
        NpgsqlDataSource dataSource,
        bool ownsDataSource,
        NpgsqlConnection connection,
        ServerEndpoint endpoint,
        SessionFacts facts,
        SessionOptions session,
        PostgreSqlOptions options,
        bool oneRoundTrip)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _connection = connection;
        var history = session.History;
        _historySchemaNamed = history.Schema is not null;
        var sql = new HistorySql(new HistoryNames(history, history.Schema ?? facts.Schema));
        var key = options.LockKey ?? LockKey.Derive(sql.Names.Schema, history.Table);
        _lock = new MigrationLock(connection, ct => ProbeBackendPidAsync(dataSource, endpoint, ct), key, endpoint, options.LockPollInterval, facts.BackendPid);
        History = new HistoryStore(connection, sql, endpoint);
        Executor = new ScriptExecutor(connection, sql, endpoint, session, oneRoundTrip);
        Inspector = new DatabaseInspector(connection, endpoint);
        AppliedBy = facts.User;
    }

    public IMigrationLock Lock => _lock;

    public IHistoryStore History { get; }

    public IScriptExecutor Executor { get; }

    public IDatabaseInspector Inspector { get; }

    /// <summary>The session's <c>current_user</c>.</summary>
    public string AppliedBy { get; }

    /// <summary>
    /// Which of another tool's history tables exist: as the tools resolve them (to_regclass: the search_path, or the
    /// schema named), else, while Strata's history is in the default schema, a table of that name in any schema (Prisma's
    /// <c>?schema=</c>, Knex's <c>schemaName</c>, Drizzle's <c>migrationsSchema</c>, node-pg-migrate's
    /// <c>--migrations-schema</c>), the first schema by name when several hold one.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> FindTablesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var found = (await QueryAsync($"SELECT n FROM unnest(ARRAY[{Literals(names)}]::text[]) AS n WHERE to_regclass(n) IS NOT NULL", cancellationToken).ConfigureAwait(false) ?? [])
            .Select(r => (string)r[0]!).ToDictionary(n => n, n => n, StringComparer.Ordinal);
        var bare = names.Where(n => !found.ContainsKey(n) && !n.Replace("\"", "", StringComparison.Ordinal).Contains('.', StringComparison.Ordinal))
            .ToDictionary(n => n.Replace("\"", "", StringComparison.Ordinal), n => n, StringComparer.Ordinal);
        if (_historySchemaNamed || bare.Count == 0)
        {
            return found;
        }

        var elsewhere = await QueryAsync(
            "SELECT c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + $"WHERE c.relkind IN ('r', 'p') AND c.relname = ANY(ARRAY[{Literals(bare.Keys)}]::text[]) AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%' ORDER BY n.nspname",
            cancellationToken).ConfigureAwait(false) ?? [];
        foreach (var row in elsewhere)
        {
            found.TryAdd(bare[(string)row[0]!], (string)row[1]!);
        }

        return found;
    }

    private static string Literals(IEnumerable<string> values) => string.Join(", ", values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"));

    /// <summary>Another tool's history rows (strata adopt), in a read-only transaction; null when a table or column it names is missing.</summary>
    public async Task<IReadOnlyList<object?[]>?> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = transaction.ConfigureAwait(false);
        var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", _connection, transaction);
        await using (readOnly.ConfigureAwait(false))
        {
            await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var rows = new List<object?[]>();
        try
        {
            var command = new NpgsqlCommand(sql, _connection, transaction);
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new object?[reader.FieldCount];
                    reader.GetValues(row!);
                    rows.Add(row.Select(v => v is DBNull ? null : v).ToArray());
                }
            }
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.InvalidSchemaName)
        {
            return null;
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return rows;
    }

    /// <summary>Opens a short-lived second connection for the pooler check and returns its server process id.</summary>
    private static async Task<int> ProbeBackendPidAsync(NpgsqlDataSource dataSource, ServerEndpoint endpoint, CancellationToken cancellationToken)
    {
        var (probe, facts) = await Connections.OpenSessionAsync(dataSource, endpoint, cancellationToken).ConfigureAwait(false);
        await probe.DisposeAsync().ConfigureAwait(false);
        return facts.BackendPid;
    }

    public async ValueTask DisposeAsync()
    {
        await _lock.ReleaseAllAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }
}

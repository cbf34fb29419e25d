using System.Data;
using Npgsql;
using Strata.Errors;
using Strata.Execution;
using Strata.Schema;
using Strata.Sources;
using Strata.Sql;

namespace Strata.PostgreSql.Measuring;

/// <summary>
/// Measures what migrations do on a scratch database (<c>strata lint --measure</c>), on one connection opened like
/// a migration session's (same keepalive settings, no pooling). A transactional migration runs exactly as the
/// executor runs it (same splitter, <c>BEGIN</c>, the same <c>SET LOCAL lock_timeout</c>/<c>statement_timeout</c>),
/// one statement per round trip with a look at <c>pg_class</c> and <c>pg_locks</c> after each, then the schema is read
/// inside the transaction and everything is rolled back. A no-transaction migration runs for real, statement by
/// statement in autocommit as the executor does; on a copy of a real database (<c>--copy-of</c>) a transactional
/// migration is committed instead of rolled back. Each statement's run time is measured. Never point it at anything but
/// a scratch database or such a copy. Server errors in
/// the migration come back in the result; a lost connection throws <see cref="DatabaseUnavailableException"/>.
/// </summary>
internal sealed class MigrationProbe : IMigrationProbe
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _connection;
    private readonly ServerEndpoint _endpoint;
    private readonly SessionOptions _options;
    private readonly SchemaFilter? _filter;

    private MigrationProbe(NpgsqlDataSource dataSource, NpgsqlConnection connection, ServerEndpoint endpoint, SessionOptions options, SchemaFilter? filter)
    {
        _dataSource = dataSource;
        _connection = connection;
        _endpoint = endpoint;
        _options = options;
        _filter = filter;
    }

    /// <summary>Connects to the scratch database; <paramref name="filter"/> leaves Strata's own tables out of the schemas read.</summary>
    public static async Task<MigrationProbe> OpenAsync(string connectionString, SessionOptions options, SchemaFilter? filter, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var endpoint = new ServerEndpoint(builder);
        var dataSource = Connections.CreateDataSource(builder, new PostgreSqlOptions());
        try
        {
            var connection = await Connections.OpenAsync(dataSource, endpoint, SessionKeepalive.Main, cancellationToken).ConfigureAwait(false);
            return new MigrationProbe(dataSource, connection, endpoint, options, filter);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<MigrationMeasurement> MeasureAsync(string migration, SqlScript script, bool keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        var before = await GuardAsync(migration, () => CatalogState.ReadAsync(_connection, withLocks: false, cancellationToken)).ConfigureAwait(false);
        var schema = await GuardAsync(migration, () => PostgreSqlSchemaIntrospector.ReadAsync(_connection, _filter, cancellationToken)).ConfigureAwait(false);
        return script.Transactional
            ? await InTransactionAsync(migration, script, before, schema, keep, cancellationToken).ConfigureAwait(false)
            : await WithoutTransactionAsync(migration, script, before, schema, cancellationToken).ConfigureAwait(false) with { Kept = keep };
    }

    /// <inheritdoc/>
    public async Task ApplyAsync(string migration, SqlScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        var transactional = script.Transactional;
        await BeginAsync(migration, transactional, cancellationToken).ConfigureAwait(false);
        var count = 0;
        foreach (var statement in script.Statements(Dialect.PostgreSql))
        {
            count++;
            if (await TryExecuteAsync(migration, statement.Text, cancellationToken).ConfigureAwait(false) is { } error)
            {
                await EndAsync(transactional, commit: false).ConfigureAwait(false);
                throw ScriptErrors.Failed(migration, script, statement, error, transactional ? ScriptFailure.RolledBack(migration) : ScriptFailure.PartiallyApplied(migration, count, Math.Max(count, script.StatementCount)));
            }
        }

        await EndAsync(transactional, commit: true).ConfigureAwait(false);
    }

    /// <summary>Closes the connection to the scratch database.</summary>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<MigrationMeasurement> InTransactionAsync(string migration, SqlScript script, CatalogState before, DatabaseSchema schema, bool keep, CancellationToken cancellationToken)
    {
        await BeginAsync(migration, transactional: true, cancellationToken).ConfigureAwait(false);
        MigrationMeasurement? measurement = null;
        try
        {
            var (statements, failure, last) = await RunAsync(migration, script, before, withLocks: true, ScriptFailure.RolledBack(migration), cancellationToken).ConfigureAwait(false);
            var locks = last.Locks
                .Where(l => before.Relations.ContainsKey(l.Oid))
                .Select(l => new HeldLock(before.Relations[l.Oid], l.Mode))
                .OrderBy(l => l.Relation.Name).ThenByDescending(l => l.Strength)
                .ToList();
            var after = failure is null
                ? await GuardAsync(migration, () => PostgreSqlSchemaIntrospector.ReadAsync(_connection, _filter, cancellationToken)).ConfigureAwait(false)
                : null;
            measurement = new MigrationMeasurement(true, statements, locks, schema, after, failure);
        }
        finally
        {
            var ending = System.Diagnostics.Stopwatch.StartNew();
            await EndAsync(transactional: true, commit: keep && measurement?.Failure is null).ConfigureAwait(false);
            measurement = measurement is null ? null : measurement with { Ending = ending.Elapsed, Kept = keep && measurement.Failure is null };
        }

        return measurement!;
    }

    private async Task<MigrationMeasurement> WithoutTransactionAsync(string migration, SqlScript script, CatalogState before, DatabaseSchema schema, CancellationToken cancellationToken)
    {
        await BeginAsync(migration, transactional: false, cancellationToken).ConfigureAwait(false);
        try
        {
            var outcome = $"{migration} ran without a transaction on the scratch database; the statements before the failing one stayed applied there";
            var (statements, failure, _) = await RunAsync(migration, script, before, withLocks: false, outcome, cancellationToken).ConfigureAwait(false);
            var after = failure is null
                ? await GuardAsync(migration, () => PostgreSqlSchemaIntrospector.ReadAsync(_connection, _filter, cancellationToken)).ConfigureAwait(false)
                : null;
            return new MigrationMeasurement(false, statements, [], schema, after, failure);
        }
        finally
        {
            await EndAsync(transactional: false, commit: false).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the statements one by one, looking at the catalogs after each; stops at the first failing one.</summary>
    private async Task<(List<StatementMeasurement> Statements, MigrationFailedException? Failure, CatalogState Last)> RunAsync(
        string migration, SqlScript script, CatalogState before, bool withLocks, string outcome, CancellationToken cancellationToken)
    {
        var measured = new List<StatementMeasurement>();
        var previous = before;
        foreach (var statement in script.Statements(Dialect.PostgreSql))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (await TryExecuteAsync(migration, statement.Text, cancellationToken).ConfigureAwait(false) is { } error)
            {
                return (measured, ScriptErrors.Failed(migration, script, statement, error, outcome), previous);
            }

            var elapsed = clock.Elapsed;
            var now = await GuardAsync(migration, () => CatalogState.ReadAsync(_connection, withLocks, cancellationToken)).ConfigureAwait(false);
            measured.Add(Compare(script, statement, before, previous, now, elapsed));
            previous = now;
        }

        return (measured, null, previous);
    }

    /// <summary>The locks and rewrites that <paramref name="statement"/> added, on relations that existed before the migration.</summary>
    private static StatementMeasurement Compare(SqlScript script, SqlStatement statement, CatalogState before, CatalogState previous, CatalogState now, TimeSpan elapsed)
    {
        var locks = now.Locks
            .Where(l => !previous.Locks.Contains(l) && before.Relations.ContainsKey(l.Oid))
            .Select(l => new HeldLock(before.Relations[l.Oid], l.Mode))
            .OrderBy(l => l.Relation.Name).ThenByDescending(l => l.Strength)
            .ToList();
        var rewritten = before.Relations.Values
            .Where(r => r.HasData
                && now.Relations.TryGetValue(r.Oid, out var after) && after.FileNode != 0
                && previous.Relations.TryGetValue(r.Oid, out var earlier) && earlier.FileNode != after.FileNode)
            .OrderBy(r => r.IsIndex).ThenBy(r => r.Name)
            .ToList();
        return new StatementMeasurement(script.FirstLine - 1 + statement.Line, statement.Column, statement.Text.Trim(), locks, rewritten, elapsed);
    }

    /// <summary>Opens the transaction with the executor's <c>SET LOCAL</c> timeouts, or sets its session <c>statement_timeout</c> for a no-transaction script.</summary>
    private async Task BeginAsync(string migration, bool transactional, CancellationToken cancellationToken)
    {
        IEnumerable<string> setup = transactional
            ? ["BEGIN", .. Timeouts.ForTransaction(_options)]
            : Timeouts.ForStatements(_options) is { } timeout ? [timeout] : [];
        foreach (var sql in setup)
        {
            if (await TryExecuteAsync(migration, sql, cancellationToken).ConfigureAwait(false) is { } error)
            {
                throw new InvalidOperationException($"could not prepare the scratch database to measure {migration}: {error.MessageText}", error);
            }
        }
    }

    /// <summary>Ends what <see cref="BeginAsync"/> started; a connection that died meanwhile needs nothing.</summary>
    private async Task EndAsync(bool transactional, bool commit)
    {
        var sql = transactional ? (commit ? "COMMIT" : "ROLLBACK") : Timeouts.ForStatements(_options) is null ? null : "RESET statement_timeout";
        if (sql is null || _connection.State != ConnectionState.Open)
        {
            return;
        }

        var batch = new NpgsqlBatch(_connection) { BatchCommands = { new NpgsqlBatchCommand(sql) } };
        await using (batch.ConfigureAwait(false))
        {
            await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one statement; a server error is returned, a lost connection thrown as unavailable.</summary>
    private async Task<PostgresException?> TryExecuteAsync(string migration, string sql, CancellationToken cancellationToken)
    {
        try
        {
            await GuardAsync(migration, async () =>
            {
                var batch = new NpgsqlBatch(_connection) { Timeout = 0, BatchCommands = { new NpgsqlBatchCommand(sql) } };
                await using (batch.ConfigureAwait(false))
                {
                    return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            return null;
        }
        catch (PostgresException e)
        {
            return e;
        }
    }

    private async Task<T> GuardAsync<T>(string migration, Func<Task<T>> work)
    {
        ErrorTranslator.ThrowIfClosed(_connection, "measure " + migration, _endpoint);
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception e) when (ErrorTranslator.IsConnectionLost(e))
        {
            throw ErrorTranslator.ConnectionLost($"while measuring {migration} on the scratch database", _endpoint, e);
        }
    }
}

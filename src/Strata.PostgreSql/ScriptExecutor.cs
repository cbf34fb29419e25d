using System.Data;
using System.Globalization;
using System.Text;
using Npgsql;
using Strata.Code;
using Strata.Execution;
using Strata.History;
using Strata.Sources;
using Strata.Sql;

namespace Strata.PostgreSql;

/// <summary>
/// Runs migration scripts on the session's main connection. A transactional script and its history change go
/// to the server in one round trip (<c>BEGIN</c>, the statements, the history statements, <c>COMMIT</c>), or, for a
/// streamed script (a file too large to hold), in one transaction a few statements per round trip
/// (<see cref="StreamedScriptExecutor"/>); a no-transaction script runs statement by statement in autocommit.
/// </summary>
internal sealed class ScriptExecutor : IScriptExecutor
{
    private readonly NpgsqlConnection _connection;
    private readonly HistorySql _history;
    private readonly ServerEndpoint _endpoint;
    private readonly bool _oneRoundTrip;
    private readonly SessionOptions _options;
    private readonly CodeExecutor _code;
    private readonly StreamedScriptExecutor _streamed;

    /// <summary>
    /// <c>oneRoundTrip</c> is true when the connection reports which batch command failed (<c>Include Failed
    /// Batched Command</c>), so a whole migration can go in one batch; false sends its statements one by one inside
    /// the same transaction.
    /// </summary>
    public ScriptExecutor(NpgsqlConnection connection, HistorySql history, ServerEndpoint endpoint, SessionOptions? options = null, bool oneRoundTrip = true)
    {
        _connection = connection;
        _history = history;
        _endpoint = endpoint;
        _options = options ?? new SessionOptions();
        _oneRoundTrip = oneRoundTrip;
        _code = new CodeExecutor(connection, history, endpoint, _options);
        _streamed = new StreamedScriptExecutor(connection, history, endpoint, _options, oneRoundTrip);
    }

    public Task<ExecutionOutcome> ExecuteCodeAsync(string migration, CodeScript script, HistoryChange? change, string environment, CancellationToken cancellationToken) =>
        _code.ExecuteAsync(migration, script, change, environment, cancellationToken);

    public Task<ExecutionOutcome> ExecuteAsync(string migration, SqlScript script, HistoryChange change, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (!script.IsStreamed)
        {
            return ExecuteHeldAsync(migration, script, change, cancellationToken);
        }

        ErrorTranslator.ThrowIfClosed(_connection, "run " + migration, _endpoint);
        return _streamed.ExecuteAsync(migration, script, change, progress, cancellationToken);
    }

    /// <summary>
    /// A push: the script in one batch (<c>BEGIN</c>, its statements, <c>COMMIT</c>), one round trip instead of one per
    /// statement; a failure names its statement (the batch command the server reports) and leaves nothing applied.
    /// </summary>
    public Task ExecuteInTransactionAsync(string migration, SqlScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        return ExecuteHeldAsync(migration, script, null, cancellationToken);
    }

    /// <summary>A script held as text, with its history change when it has one: one batch, one round trip.</summary>
    private async Task<ExecutionOutcome> ExecuteHeldAsync(string migration, SqlScript script, HistoryChange? change, CancellationToken cancellationToken)
    {
        ErrorTranslator.ThrowIfClosed(_connection, "run " + migration, _endpoint);
        var statements = SqlSplitter.Split(script.Sql, Dialect.PostgreSql);
        var batch = Transaction(statements, change);
        await using var batchScope = batch.ConfigureAwait(false);
        var count = batch.BatchCommands.Count;
        var current = -1;
        try
        {
            if (_oneRoundTrip)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                current = await ExecuteOneByOneAsync(batch, i => current = i, cancellationToken).ConfigureAwait(false);
            }

            return ExecutionOutcome.Applied;
        }
        catch (Exception e) when (e is NpgsqlException or IOException or OperationCanceledException or TimeoutException)
        {
            await RollBackAsync().ConfigureAwait(false);
            if (ErrorTranslator.IsConnectionLost(e))
            {
                throw ErrorTranslator.ConnectionLost($"while running {migration}; it was not committed", _endpoint, e);
            }

            if (e is PostgresException postgres)
            {
                var index = postgres.BatchCommand is { } failed && batch.BatchCommands.IndexOf(failed) is var at and >= 0 ? at : current;
                var outcome = change is null ? ScriptFailure.RolledBackWithoutHistory(migration) : ScriptFailure.RolledBack(migration);
                var first = 1 + Timeouts.ForTransaction(_options).Count;
                throw index >= first && index < first + statements.Count
                    ? ScriptErrors.Failed(migration, script, statements[index - first], postgres, outcome)
                    : ScriptErrors.FailedAfterScript(migration, script, ScriptErrors.Stage(index, count), postgres, outcome);
            }

            throw;
        }
    }

    public async Task ExecuteStatementsAsync(string migration, SqlScript script, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ErrorTranslator.ThrowIfClosed(_connection, "run " + migration, _endpoint);
        var statements = script.Statements(Dialect.PostgreSql);
        var timeout = Timeouts.ForStatements(_options);
        if (timeout is null)
        {
            await RunStatementsAsync(migration, script, statements, progress, cancellationToken).ConfigureAwait(false);
            return;
        }

        await SimpleAsync(timeout, cancellationToken).ConfigureAwait(false);
        try
        {
            await RunStatementsAsync(migration, script, statements, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ResetQuietlyAsync("RESET statement_timeout").ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="statements"/> one by one in autocommit (held or streamed: never more than one at a time).</summary>
    private async Task RunStatementsAsync(string migration, SqlScript script, IEnumerable<SqlStatement> statements, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        var count = statements is IReadOnlyCollection<SqlStatement> held ? held.Count : script.StatementCount;
        var i = -1;
        foreach (var statement in statements)
        {
            i++;
            var batch = new NpgsqlBatch(_connection) { Timeout = 0, BatchCommands = { new NpgsqlBatchCommand(statement.Text) } };
            await using var batchScope = batch.ConfigureAwait(false);
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (ErrorTranslator.IsConnectionLost(e))
            {
                var applied = i switch
                {
                    0 => "no statement had completed",
                    1 => "statement 1 was applied and stays applied",
                    _ => $"statements 1-{i.ToString(CultureInfo.InvariantCulture)} were applied and stay applied",
                };
                throw ErrorTranslator.ConnectionLost(
                    $"while running statement {i + 1} of {count} of {migration} (no transaction): {applied}; statement {i + 1} may or may not have taken effect",
                    _endpoint,
                    e);
            }
            catch (PostgresException e)
            {
                throw ScriptErrors.Failed(migration, script, statement, e, ScriptFailure.PartiallyApplied(migration, i + 1, count));
            }

            progress?.Report(new StatementProgress(i + 1, count, script.FirstLine + statement.Line - 1));
        }
    }

    public string Render(SqlScript script, HistoryChange change)
    {
        ArgumentNullException.ThrowIfNull(script);
        var text = new StringBuilder("BEGIN;\n");
        foreach (var set in Timeouts.ForTransaction(_options))
        {
            text.Append(set).Append(";\n");
        }

        if (script.IsStreamed)
        {
            text.Append(script.Preview().TrimEnd()).Append('\n');
        }
        else
        {
            foreach (var statement in SqlSplitter.Split(script.Sql, Dialect.PostgreSql))
            {
                text.Append(statement.Text).Append(";\n");
            }
        }

        foreach (var command in _history.Commands(change, inScript: true))
        {
            text.Append(command.Render()).Append(";\n");
        }

        return text.Append("COMMIT;\n").ToString();
    }

    /// <summary>
    /// Sends the commands of <paramref name="batch"/> one per round trip (same transaction: the first is BEGIN),
    /// telling <paramref name="position"/> which one is running, so a failure is known without driver support.
    /// </summary>
    private async Task<int> ExecuteOneByOneAsync(NpgsqlBatch batch, Action<int> position, CancellationToken cancellationToken)
    {
        var commands = batch.BatchCommands.ToList<NpgsqlBatchCommand>();
        batch.BatchCommands.Clear();
        for (var i = 0; i < commands.Count; i++)
        {
            position(i);
            var single = new NpgsqlBatch(_connection) { Timeout = 0 };
            await using var singleScope = single.ConfigureAwait(false);
            single.BatchCommands.Add(commands[i]);
            await single.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            single.BatchCommands.Clear();
            batch.BatchCommands.Add(commands[i]);
        }

        return commands.Count;
    }

    /// <summary>One batch, one round trip: <c>BEGIN</c>, the statements, the history statements, <c>COMMIT</c>.</summary>
    private NpgsqlBatch Transaction(IReadOnlyList<SqlStatement> statements, HistoryChange? change)
    {
        var batch = new NpgsqlBatch(_connection) { Timeout = 0 };
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        foreach (var set in Timeouts.ForTransaction(_options))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(set));
        }

        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Text));
        }

        foreach (var command in change is null ? [] : _history.Commands(change, inScript: true))
        {
            batch.BatchCommands.Add(command.ToBatchCommand());
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        return batch;
    }

    private async Task SimpleAsync(string sql, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(_connection) { BatchCommands = { new NpgsqlBatchCommand(sql) } };
        await using var scope = batch.ConfigureAwait(false);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ResetQuietlyAsync(string sql)
    {
        if (_connection.State != ConnectionState.Open)
        {
            return;
        }

        try
        {
            await SimpleAsync(sql, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            // The session is gone or unusable; its settings went with it.
        }
    }

    /// <summary>Ends the failed transaction so the connection stays usable; a dead connection needs nothing.</summary>
    private async Task RollBackAsync()
    {
        if (_connection.State != ConnectionState.Open)
        {
            return;
        }

        try
        {
            var rollback = new NpgsqlBatch(_connection) { BatchCommands = { new NpgsqlBatchCommand("ROLLBACK") } };
            await using var rollbackScope = rollback.ConfigureAwait(false);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            // The connection died meanwhile: the server has rolled the transaction back itself.
        }
    }
}

using System.Data;
using System.Globalization;
using System.Text;
using Npgsql;
using Strata.Execution;
using Strata.History;
using Strata.Sources;
using Strata.Sql;

namespace Strata.PostgreSql;

/// <summary>
/// Runs migration scripts on the session's main connection. A transactional script and its history change go
/// to the server in one round trip (<c>BEGIN</c>, the statements, the history statements, <c>COMMIT</c>); a
/// no-transaction script runs statement by statement in autocommit.
/// </summary>
internal sealed class ScriptExecutor : IScriptExecutor
{
    private readonly NpgsqlConnection _connection;
    private readonly HistorySql _history;
    private readonly ServerEndpoint _endpoint;

    public ScriptExecutor(NpgsqlConnection connection, HistorySql history, ServerEndpoint endpoint)
    {
        _connection = connection;
        _history = history;
        _endpoint = endpoint;
    }

    public async Task<ExecutionOutcome> ExecuteAsync(string migration, SqlScript script, HistoryChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ErrorTranslator.ThrowIfClosed(_connection, "run " + migration, _endpoint);
        var statements = SqlSplitter.Split(script.Sql, SqlFlavor.PostgreSql);
        var batch = Transaction(statements, change);
        await using var batchScope = batch.ConfigureAwait(false);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
                var index = postgres.BatchCommand is { } failed ? batch.BatchCommands.IndexOf(failed) : -1;
                var outcome = ScriptFailure.RolledBack(migration);
                throw index >= 1 && index <= statements.Count
                    ? ScriptErrors.Failed(migration, script, statements[index - 1], postgres, outcome)
                    : ScriptErrors.FailedAfterScript(migration, script, Stage(index, batch.BatchCommands.Count), postgres, outcome);
            }

            throw;
        }
    }

    public async Task ExecuteStatementsAsync(string migration, SqlScript script, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ErrorTranslator.ThrowIfClosed(_connection, "run " + migration, _endpoint);
        var statements = SqlSplitter.Split(script.Sql, SqlFlavor.PostgreSql);
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
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
                    $"while running statement {i + 1} of {statements.Count} of {migration} (no transaction): {applied}; statement {i + 1} may or may not have taken effect",
                    _endpoint,
                    e);
            }
            catch (PostgresException e)
            {
                throw ScriptErrors.Failed(migration, script, statement, e, ScriptFailure.PartiallyApplied(migration, i + 1, statements.Count));
            }

            progress?.Report(new StatementProgress(i + 1, statements.Count, script.FirstLine + statement.Line - 1));
        }
    }

    public string Render(SqlScript script, HistoryChange change)
    {
        ArgumentNullException.ThrowIfNull(script);
        var text = new StringBuilder("BEGIN;\n");
        foreach (var statement in SqlSplitter.Split(script.Sql, SqlFlavor.PostgreSql))
        {
            text.Append(statement.Text).Append(";\n");
        }

        foreach (var command in _history.Commands(change, inScript: true))
        {
            text.Append(command.Render()).Append(";\n");
        }

        return text.Append("COMMIT;\n").ToString();
    }

    /// <summary>What ran at batch position <paramref name="index"/> when it was not a script statement.</summary>
    private static string Stage(int index, int count) =>
        index == count - 1
            ? "at COMMIT, after every statement had run (a deferred constraint or trigger failed)"
            : "while recording the migration in the history table, after its last statement";

    /// <summary>One batch, one round trip: <c>BEGIN</c>, the statements, the history statements, <c>COMMIT</c>.</summary>
    private NpgsqlBatch Transaction(IReadOnlyList<SqlStatement> statements, HistoryChange change)
    {
        var batch = new NpgsqlBatch(_connection) { Timeout = 0 };
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Text));
        }

        foreach (var command in _history.Commands(change, inScript: true))
        {
            batch.BatchCommands.Add(command.ToBatchCommand());
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        return batch;
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

using System.Data;
using Npgsql;
using Strata.Errors;
using Strata.Execution;
using Strata.History;
using Strata.Sources;
using Strata.Sql;

namespace Strata.PostgreSql;

/// <summary>
/// Runs a streamed script (a migration file too large to hold, <see cref="SqlScript.IsStreamed"/>) in one
/// transaction with its history change, holding only a few statements at a time: <c>BEGIN</c> and the
/// <c>SET LOCAL</c> timeouts, then the statements read from the file in groups of at most
/// <see cref="GroupStatements"/> statements or <see cref="GroupCharacters"/> characters per round trip (one
/// statement per round trip when the connection cannot name the failed command of a batch), then the history
/// statements and <c>COMMIT</c>. Progress is reported after each group. Used by <see cref="ScriptExecutor"/>.
/// </summary>
internal sealed class StreamedScriptExecutor
{
    private const int GroupStatements = 200;
    private const int GroupCharacters = 1 << 20;

    private readonly NpgsqlConnection _connection;
    private readonly HistorySql _history;
    private readonly ServerEndpoint _endpoint;
    private readonly SessionOptions _options;
    private readonly bool _oneRoundTrip;

    public StreamedScriptExecutor(NpgsqlConnection connection, HistorySql history, ServerEndpoint endpoint, SessionOptions options, bool oneRoundTrip)
    {
        _connection = connection;
        _history = history;
        _endpoint = endpoint;
        _options = options;
        _oneRoundTrip = oneRoundTrip;
    }

    /// <summary>
    /// Same guarantees and errors as <see cref="ScriptExecutor.ExecuteAsync"/>: nothing remains when it fails
    /// (<see cref="MigrationFailedException"/> at the file position, <see cref="DatabaseUnavailableException"/> when
    /// the connection is lost, <see cref="MigrationSourceException"/> when the file cannot be read again).
    /// </summary>
    public async Task<ExecutionOutcome> ExecuteAsync(string migration, SqlScript script, HistoryChange change, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        var stage = "while starting its transaction, before its first statement";
        try
        {
            await SendAsync(Begin(), cancellationToken).ConfigureAwait(false);
            stage = "while running its statements";
            await RunStatementsAsync(migration, script, progress, cancellationToken).ConfigureAwait(false);
            await FinishAsync(migration, script, change, cancellationToken).ConfigureAwait(false);
            return ExecutionOutcome.Applied;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await RollBackAsync().ConfigureAwait(false);
            var translated = Translate(e, migration, script, stage);
            if (ReferenceEquals(translated, e))
            {
                throw;
            }

            throw translated;
        }
    }

    private async Task RunStatementsAsync(string migration, SqlScript script, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        var group = new List<SqlStatement>();
        var characters = 0L;
        var done = 0;
        var limit = _oneRoundTrip ? GroupStatements : 1;
        progress?.Report(new StatementProgress(0, script.StatementCount, script.FirstLine));
        using var statements = script.Statements(Dialect.PostgreSql).GetEnumerator();
        var more = statements.MoveNext();
        while (more)
        {
            group.Add(statements.Current);
            characters += statements.Current.Text.Length;
            more = statements.MoveNext();
            if (group.Count < limit && characters < GroupCharacters && more)
            {
                continue;
            }

            await RunGroupAsync(migration, script, group, cancellationToken).ConfigureAwait(false);
            done += group.Count;
            progress?.Report(new StatementProgress(done, script.StatementCount, script.FirstLine + group[^1].Line - 1));
            group.Clear();
            characters = 0;
        }
    }

    /// <summary>Sends <paramref name="group"/> in one round trip; a server error names the statement that failed.</summary>
    private async Task RunGroupAsync(string migration, SqlScript script, List<SqlStatement> group, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(_connection) { Timeout = 0 };
        await using var scope = batch.ConfigureAwait(false);
        foreach (var statement in group)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Text));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (!ErrorTranslator.IsConnectionLost(e))
        {
            var index = e.BatchCommand is { } failed && batch.BatchCommands.IndexOf(failed) is var at and >= 0 ? at : 0;
            throw ScriptErrors.Failed(migration, script, group[index], e, ScriptFailure.RolledBack(migration));
        }
    }

    private NpgsqlBatch Begin()
    {
        var batch = new NpgsqlBatch(_connection) { Timeout = 0, BatchCommands = { new NpgsqlBatchCommand("BEGIN") } };
        foreach (var set in Timeouts.ForTransaction(_options))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(set));
        }

        return batch;
    }

    /// <summary>The history statements and <c>COMMIT</c> in one round trip.</summary>
    private async Task FinishAsync(string migration, SqlScript script, HistoryChange change, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(_connection) { Timeout = 0 };
        foreach (var command in _history.Commands(change, inScript: true))
        {
            batch.BatchCommands.Add(command.ToBatchCommand());
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        try
        {
            await SendAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (!ErrorTranslator.IsConnectionLost(e))
        {
            var index = e.BatchCommand is { } failed ? batch.BatchCommands.IndexOf(failed) : -1;
            throw ScriptErrors.FailedAfterScript(migration, script, ScriptErrors.Stage(index, batch.BatchCommands.Count), e, ScriptFailure.RolledBack(migration));
        }
    }

    private static async Task SendAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        await using var scope = batch.ConfigureAwait(false);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private Exception Translate(Exception e, string migration, SqlScript script, string stage) => e switch
    {
        MigrationFailedException or MigrationSourceException or OperationCanceledException => e,
        _ when ErrorTranslator.IsConnectionLost(e) => ErrorTranslator.ConnectionLost($"while running {migration}; it was not committed", _endpoint, e),
        PostgresException postgres => ScriptErrors.FailedAfterScript(migration, script, stage, postgres, ScriptFailure.RolledBack(migration)),
        _ => e,
    };

    /// <summary>Ends the failed transaction so the connection stays usable; a dead connection needs nothing.</summary>
    private async Task RollBackAsync()
    {
        if (_connection.State != ConnectionState.Open)
        {
            return;
        }

        try
        {
            await SendAsync(new NpgsqlBatch(_connection) { BatchCommands = { new NpgsqlBatchCommand("ROLLBACK") } }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            // The connection died meanwhile: the server has rolled the transaction back itself.
        }
    }
}

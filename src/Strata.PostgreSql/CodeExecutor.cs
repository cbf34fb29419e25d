using Npgsql;
using Strata.Code;
using Strata.Errors;
using Strata.Execution;
using Strata.History;

namespace Strata.PostgreSql;

/// <summary>
/// Runs C# migrations on the session's main connection: the migration's code and its history row in one
/// <c>NpgsqlTransaction</c>, or the code alone for non-transactional ones.
/// </summary>
internal sealed class CodeExecutor
{
    private readonly NpgsqlConnection _connection;
    private readonly HistorySql _history;
    private readonly ServerEndpoint _endpoint;
    private readonly SessionOptions _options;

    public CodeExecutor(NpgsqlConnection connection, HistorySql history, ServerEndpoint endpoint, SessionOptions options)
    {
        _connection = connection;
        _history = history;
        _endpoint = endpoint;
        _options = options;
    }

    public async Task<ExecutionOutcome> ExecuteAsync(string migration, CodeScript script, HistoryChange? change, string environment, CancellationToken cancellationToken)
    {
        ErrorTranslator.ThrowIfClosed(_connection, "run " + migration, _endpoint);
        if (!script.Transactional)
        {
            var outcome = $"{migration} runs without a transaction: whatever it did before failing stays applied";
            await RunAsync(migration, script, null, environment, outcome, cancellationToken).ConfigureAwait(false);
            return ExecutionOutcome.Applied;
        }

        ArgumentNullException.ThrowIfNull(change);
        var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var rolledBack = ScriptFailure.RolledBack(migration);
            foreach (var set in Timeouts.ForTransaction(_options))
            {
                var command = new NpgsqlCommand(set, _connection, transaction);
                await using var commandScope = command.ConfigureAwait(false);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await RunAsync(migration, script, transaction, environment, rolledBack, cancellationToken).ConfigureAwait(false);
            try
            {
                var batch = new NpgsqlBatch(_connection, transaction) { Timeout = 0 };
                await using var batchScope = batch.ConfigureAwait(false);
                foreach (var command in _history.Commands(change, inScript: true))
                {
                    batch.BatchCommands.Add(command.ToBatchCommand());
                }

                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return ExecutionOutcome.Applied;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                throw Translate(migration, script, e, rolledBack + " (it failed while being recorded in the history, or at COMMIT)");
            }
        }
    }

    private async Task RunAsync(string migration, CodeScript script, NpgsqlTransaction? transaction, string environment, string outcome, CancellationToken cancellationToken)
    {
        try
        {
            await script.Body(new MigrationContext(_connection, transaction, environment), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StrataException)
        {
            throw Translate(migration, script, e, outcome);
        }
    }

    private Exception Translate(string migration, CodeScript script, Exception error, string outcome)
    {
        if (ErrorTranslator.IsConnectionLost(error))
        {
            return ErrorTranslator.ConnectionLost($"while running {migration}; it was not committed", _endpoint, error);
        }

        return ScriptFailure.CodeFailed(migration, script.SourcePath, error, (error as PostgresException)?.SqlState, outcome);
    }
}

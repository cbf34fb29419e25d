using Microsoft.Data.Sqlite;
using Strata.Code;
using Strata.Errors;
using Strata.Execution;
using Strata.History;

namespace Strata.Sqlite;

/// <summary>
/// Runs C# migrations on SQLite: the code and its history row in one immediate transaction (SQLite's write lock,
/// taken up front), with the history precondition re-checked inside it; or the code alone when not transactional.
/// </summary>
internal sealed class CodeExecutor
{
    private readonly SqliteConnection _connection;
    private readonly HistoryStore _history;

    public CodeExecutor(SqliteConnection connection, HistoryStore history)
    {
        _connection = connection;
        _history = history;
    }

    public async Task<ExecutionOutcome> ExecuteAsync(string migration, CodeScript script, HistoryChange? change, string environment, CancellationToken cancellationToken)
    {
        if (!script.Transactional)
        {
            var outcome = $"{migration} runs without a transaction: whatever it did before failing stays applied";
            await RunAsync(migration, script, null, environment, outcome, cancellationToken).ConfigureAwait(false);
            return ExecutionOutcome.Applied;
        }

        ArgumentNullException.ThrowIfNull(change);
        SqliteTransaction transaction;
        try
        {
            transaction = _connection.BeginTransaction(deferred: false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            throw ErrorTranslator.Busy(migration, ex);
        }

        using (transaction)
        {
            if (!await _history.PreconditionHoldsAsync(change, cancellationToken, transaction).ConfigureAwait(false))
            {
                return ExecutionOutcome.Skipped;
            }

            await RunAsync(migration, script, transaction, environment, ScriptFailure.RolledBack(migration), cancellationToken).ConfigureAwait(false);
            await _history.WriteAsync(change, cancellationToken, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return ExecutionOutcome.Applied;
        }
    }

    private async Task RunAsync(string migration, CodeScript script, SqliteTransaction? transaction, string environment, string outcome, CancellationToken cancellationToken)
    {
        try
        {
            await script.Body(new MigrationContext(_connection, transaction, environment), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StrataException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } busy)
            {
                throw ErrorTranslator.Busy(migration, busy);
            }

            throw ScriptFailure.CodeFailed(migration, script.SourcePath, e, sqlState: null, outcome);
        }
    }
}

using System.Text;
using Microsoft.Data.Sqlite;
using Strata.Code;
using Strata.Execution;
using Strata.History;
using Strata.Sources;
using Strata.Sql;

namespace Strata.Sqlite;

/// <summary>
/// Runs migration SQL on SQLite: a transactional script and its history change in one <c>BEGIN IMMEDIATE</c>
/// transaction (which is also the lock); a no-transaction script statement by statement.
/// </summary>
internal sealed class ScriptExecutor : IScriptExecutor
{
    private readonly SqliteConnection _connection;
    private readonly HistoryStore _history;
    private readonly CodeExecutor _code;

    public ScriptExecutor(SqliteConnection connection, HistoryStore history)
    {
        _connection = connection;
        _history = history;
        _code = new CodeExecutor(connection, history);
    }

    public Task<ExecutionOutcome> ExecuteCodeAsync(string migration, CodeScript script, HistoryChange? change, string environment, CancellationToken cancellationToken) =>
        _code.ExecuteAsync(migration, script, change, environment, cancellationToken);

    public async Task<ExecutionOutcome> ExecuteAsync(string migration, SqlScript script, HistoryChange change, CancellationToken cancellationToken)
    {
        var statements = SqlSplitter.Split(script.Sql, SqlFlavor.Sqlite);
        await BeginImmediateAsync(migration, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await _history.PreconditionHoldsAsync(change, cancellationToken).ConfigureAwait(false))
            {
                await _history.ExecuteAsync("ROLLBACK", cancellationToken).ConfigureAwait(false);
                return ExecutionOutcome.Skipped;
            }

            foreach (var statement in statements)
            {
                await RunAsync(migration, script, statement, ScriptFailure.RolledBack(migration), cancellationToken).ConfigureAwait(false);
            }

            await _history.WriteAsync(change, cancellationToken).ConfigureAwait(false);
            await _history.ExecuteAsync("COMMIT", cancellationToken).ConfigureAwait(false);
            return ExecutionOutcome.Applied;
        }
        catch
        {
            await _history.RollbackQuietlyAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task ExecuteStatementsAsync(string migration, SqlScript script, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        var statements = SqlSplitter.Split(script.Sql, SqlFlavor.Sqlite);
        for (var i = 0; i < statements.Count; i++)
        {
            var outcome = ScriptFailure.PartiallyApplied(migration, i + 1, statements.Count);
            await RunAsync(migration, script, statements[i], outcome, cancellationToken).ConfigureAwait(false);
            progress?.Report(new StatementProgress(i + 1, statements.Count, script.FirstLine + statements[i].Line - 1));
        }
    }

    public string Render(SqlScript script, HistoryChange change)
    {
        var text = new StringBuilder("BEGIN IMMEDIATE;").AppendLine();
        foreach (var statement in SqlSplitter.Split(script.Sql, SqlFlavor.Sqlite))
        {
            text.Append(statement.Text).AppendLine(";");
        }

        return text.AppendLine(_history.Render(change)).Append("COMMIT;").ToString();
    }

    private async Task BeginImmediateAsync(string migration, CancellationToken cancellationToken)
    {
        try
        {
            await _history.ExecuteAsync("BEGIN IMMEDIATE", cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            throw ErrorTranslator.Busy(migration, ex);
        }
    }

    private async Task RunAsync(string migration, SqlScript script, SqlStatement statement, string outcome, CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = statement.Text;
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw ErrorTranslator.Translate(migration, script, statement, outcome, ex);
        }
    }
}

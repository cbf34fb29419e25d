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
/// transaction (which is also the lock), with foreign keys as the session sets them or as the script's first statements
/// ask (<see cref="ForeignKeysPragma"/>); a no-transaction script statement by statement. Statements of a streamed
/// script (a file too large to hold) are read from the file one at a time as they run.
/// </summary>
internal sealed class ScriptExecutor : IScriptExecutor
{
    /// <summary>A streamed transactional script reports its progress every this many statements.</summary>
    private const int ProgressEvery = 100;

    private readonly SqliteConnection _connection;
    private readonly HistoryStore _history;
    private readonly CodeExecutor _code;
    private readonly bool _foreignKeys;

    public ScriptExecutor(SqliteConnection connection, HistoryStore history, bool foreignKeys)
    {
        _connection = connection;
        _foreignKeys = foreignKeys;
        _history = history;
        _code = new CodeExecutor(connection, history);
    }

    public Task<ExecutionOutcome> ExecuteCodeAsync(string migration, CodeScript script, HistoryChange? change, string environment, CancellationToken cancellationToken) =>
        _code.ExecuteAsync(migration, script, change, environment, cancellationToken);

    public async Task<ExecutionOutcome> ExecuteAsync(string migration, SqlScript script, HistoryChange change, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        await ForeignKeysPragma.SetAsync(_connection, ForeignKeysPragma.Asked(script) ?? _foreignKeys, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExecuteInTransactionAsync(migration, script, change, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ForeignKeysPragma.SetAsync(_connection, _foreignKeys, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<ExecutionOutcome> ExecuteInTransactionAsync(string migration, SqlScript script, HistoryChange change, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        var statements = script.Statements(Dialect.Sqlite);
        await BeginImmediateAsync(migration, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await _history.PreconditionHoldsAsync(change, cancellationToken).ConfigureAwait(false))
            {
                await _history.ExecuteAsync("ROLLBACK", cancellationToken).ConfigureAwait(false);
                return ExecutionOutcome.Skipped;
            }

            var done = 0;
            if (script.IsStreamed)
            {
                progress?.Report(new StatementProgress(0, script.StatementCount, script.FirstLine));
            }

            foreach (var statement in statements)
            {
                await RunAsync(migration, script, statement, ScriptFailure.RolledBack(migration), cancellationToken).ConfigureAwait(false);
                if (++done % ProgressEvery == 0 && script.IsStreamed)
                {
                    progress?.Report(new StatementProgress(done, script.StatementCount, script.FirstLine + statement.Line - 1));
                }
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

    public async Task ExecuteInTransactionAsync(string migration, SqlScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        var statements = script.Statements(Dialect.Sqlite);
        await ForeignKeysPragma.SetAsync(_connection, ForeignKeysPragma.Asked(script) ?? _foreignKeys, cancellationToken).ConfigureAwait(false);
        await BeginImmediateAsync(migration, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var statement in statements)
            {
                await RunAsync(migration, script, statement, ScriptFailure.RolledBackWithoutHistory(migration), cancellationToken).ConfigureAwait(false);
            }

            await _history.ExecuteAsync("COMMIT", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await _history.RollbackQuietlyAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            await ForeignKeysPragma.SetAsync(_connection, _foreignKeys, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async Task ExecuteStatementsAsync(string migration, SqlScript script, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        var statements = script.Statements(Dialect.Sqlite);
        var count = statements is IReadOnlyCollection<SqlStatement> held ? held.Count : script.StatementCount;
        var i = 0;
        await ForeignKeysPragma.SetAsync(_connection, _foreignKeys, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var statement in statements)
            {
                i++;
                await RunAsync(migration, script, statement, ScriptFailure.PartiallyApplied(migration, i, count), cancellationToken).ConfigureAwait(false);
                progress?.Report(new StatementProgress(i, count, script.FirstLine + statement.Line - 1));
            }
        }
        finally
        {
            // The file's own PRAGMA foreign_keys (pocket-id's OFF; BEGIN; … COMMIT; ON;) ends with it: the next one starts as the session does.
            await ForeignKeysPragma.SetAsync(_connection, _foreignKeys, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public string Render(SqlScript script, HistoryChange change)
    {
        ArgumentNullException.ThrowIfNull(script);
        var switched = ForeignKeysPragma.Asked(script) is { } asked && asked != _foreignKeys;
        var text = new StringBuilder(switched ? ForeignKeysPragma.Statement(!_foreignKeys) + "\n" : "").AppendLine("BEGIN IMMEDIATE;");
        if (script.IsStreamed)
        {
            text.AppendLine(script.Preview().TrimEnd());
        }
        else
        {
            foreach (var statement in SqlSplitter.Split(script.Sql, Dialect.Sqlite))
            {
                text.Append(statement.Text).AppendLine(";");
            }
        }

        text.AppendLine(_history.Render(change)).Append("COMMIT;");
        return (switched ? text.Append('\n').Append(ForeignKeysPragma.Statement(_foreignKeys)) : text).ToString();
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
            var hint = ex.SqliteExtendedErrorCode == ForeignKeyOrphans.ExtendedCode ? await ForeignKeyOrphans.HintAsync(_connection).ConfigureAwait(false) : null;
            throw ErrorTranslator.Translate(migration, script, statement, outcome, ex, hint);
        }
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using Strata.History;

namespace Strata.Sqlite;

/// <summary>The history and audit tables in an SQLite file.</summary>
internal sealed class HistoryStore : IHistoryStore
{
    private readonly SqliteConnection _connection;
    private readonly HistorySql _sql;

    public HistoryStore(SqliteConnection connection, HistoryTableName name)
    {
        _connection = connection;
        Name = name;
        _sql = new HistorySql(name);
    }

    public HistoryTableName Name { get; }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => WhileAsync("creating the history table", async () =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = _sql.CreateTables;
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    });

    public Task<IReadOnlyList<AppliedMigration>> ReadAsync(CancellationToken cancellationToken) =>
        WhileAsync("reading the history", () => ReadRowsAsync(cancellationToken));

    public Task<bool> ApplyAsync(HistoryChange change, CancellationToken cancellationToken) =>
        WhileAsync("writing the history", () => ApplyChangeAsync(change, cancellationToken));

    private async Task<IReadOnlyList<AppliedMigration>> ReadRowsAsync(CancellationToken cancellationToken)
    {
        using var exists = _connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @name";
        exists.Parameters.AddWithValue("@name", Name.Table);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            return [];
        }

        using var command = _connection.CreateCommand();
        command.CommandText = _sql.Select;
        var rows = new List<AppliedMigration>();
        using var reader = await ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new AppliedMigration
            {
                Version = reader.IsDBNull(0) ? null : reader.GetInt64(0),
                Name = reader.GetString(1),
                Kind = HistoryValues.ParseKind(reader.GetString(2)),
                Checksum = reader.IsDBNull(3) ? null : reader.GetString(3),
                Batch = reader.GetInt32(4),
                AppliedAt = DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                ExecutionMs = reader.GetInt64(6),
                AppliedBy = reader.GetString(7),
                State = HistoryValues.ParseState(reader.GetString(8)),
            });
        }

        return rows;
    }

    /// <summary>The history query's reader; a table of that name without Strata's columns is bad input, not a bug.</summary>
    private async Task<SqliteDataReader> ExecuteReaderAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1 && ex.Message.Contains("no such column", StringComparison.Ordinal))
        {
            throw new Errors.StrataException(
                Errors.ErrorCategory.BadInput,
                $"{Name} is not a Strata history table ({ex.Message.Replace("SQLite Error 1: ", "", StringComparison.Ordinal).Trim('\'', '.', ' ')}); nothing was changed",
                "point history.table in strata.json at a table of Strata's own (the default is strata_migrations), or rename the table that has this name",
                ex);
        }
    }

    private async Task<bool> ApplyChangeAsync(HistoryChange change, CancellationToken cancellationToken)
    {
        // A batch (strata adopt) is all or none: every precondition holds, then every change is written, in one transaction.
        IReadOnlyList<HistoryChange> changes = change is HistoryBatch batch ? batch.Changes : [change];
        await ExecuteAsync("BEGIN IMMEDIATE", cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var each in changes)
            {
                if (!await PreconditionHoldsAsync(each, cancellationToken).ConfigureAwait(false))
                {
                    await ExecuteAsync("ROLLBACK", cancellationToken).ConfigureAwait(false);
                    return false;
                }
            }

            foreach (var each in changes)
            {
                await WriteAsync(each, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync("COMMIT", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch
        {
            await RollbackQuietlyAsync().ConfigureAwait(false);
            throw;
        }
    }

    public string Render(HistoryChange change) =>
        string.Join(Environment.NewLine, (change is HistoryBatch batch ? batch.Changes : [change]).SelectMany(_sql.Write).Select(c => SqlText.Inline(c.Sql, c.Parameters) + ";"));

    /// <summary>Inside an open transaction: does the change still make sense (no other runner got there first)?</summary>
    internal async Task<bool> PreconditionHoldsAsync(HistoryChange change, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var check = _sql.Precondition(change);
        using var command = Create(check, transaction);
        var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return change is HistoryInsert ? count == 0 : count > 0;
    }

    /// <summary>Inside an open transaction: writes the change and its audit row.</summary>
    internal async Task WriteAsync(HistoryChange change, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        foreach (var statement in _sql.Write(change))
        {
            using var command = Create(statement, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal async Task RollbackQuietlyAsync()
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await ExecuteAsync("ROLLBACK", CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // No transaction was open (SQLite already rolled it back on the error): nothing to undo.
        }
    }

    internal async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a history operation, turning "database is locked" (another writer held the file past the busy timeout)
    /// into the exit-5 error that names the wait, instead of an internal error.
    /// </summary>
    private static async Task<T> WhileAsync<T>(string activity, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            throw ErrorTranslator.BusyWhile(activity, ex);
        }
    }

    private SqliteCommand Create(HistorySql.Command statement, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = statement.Sql;
        command.Transaction = transaction;
        foreach (var (name, value) in statement.Parameters)
        {
            command.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
        }

        return command;
    }
}

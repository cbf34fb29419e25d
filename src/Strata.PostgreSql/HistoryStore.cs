using System.Text;
using Npgsql;
using Strata.Errors;
using Strata.History;

namespace Strata.PostgreSql;

/// <summary>
/// The history and audit tables of one PostgreSQL database, on the session's main connection. Reading works for
/// a role without CREATE rights (a missing table reads as empty); every change runs in its own transaction.
/// </summary>
internal sealed class HistoryStore : IHistoryStore
{
    private readonly NpgsqlConnection _connection;
    private readonly HistorySql _sql;
    private readonly ServerEndpoint _endpoint;

    public HistoryStore(NpgsqlConnection connection, HistorySql sql, ServerEndpoint endpoint)
    {
        _connection = connection;
        _sql = sql;
        _endpoint = endpoint;
    }

    public HistoryTableName Name => _sql.Names.Configured;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        await RunAsync("create the history table", () => CreateAsync(cancellationToken)).ConfigureAwait(false);

    public async Task<IReadOnlyList<AppliedMigration>> ReadAsync(CancellationToken cancellationToken) =>
        await RunAsync("read the history table", () => ReadRowsAsync(cancellationToken)).ConfigureAwait(false);

    public async Task<bool> ApplyAsync(HistoryChange change, CancellationToken cancellationToken)
    {
        var commands = _sql.Commands(change, inScript: false);
        return await RunAsync("update the history table", () => ApplyInTransactionAsync(commands, cancellationToken)).ConfigureAwait(false);
    }

    public string Render(HistoryChange change)
    {
        var text = new StringBuilder("BEGIN;\n");
        foreach (var command in _sql.Commands(change, inScript: false))
        {
            text.Append(command.Render()).Append(";\n");
        }

        return text.Append("COMMIT;\n").ToString();
    }

    private async Task<bool> CreateAsync(CancellationToken cancellationToken)
    {
        var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        bool schemaExists;
        var exists = new NpgsqlCommand(HistorySql.SchemaExists, _connection, transaction);
        await using (exists.ConfigureAwait(false))
        {
            exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _sql.Names.Schema });
            schemaExists = await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
        }

        var batch = new NpgsqlBatch(_connection, transaction);
        await using var batchScope = batch.ConfigureAwait(false);
        foreach (var statement in _sql.Create(schemaExists))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<IReadOnlyList<AppliedMigration>> ReadRowsAsync(CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        var rows = new List<AppliedMigration>();
        var batch = new NpgsqlBatch(_connection) { BatchCommands = { new NpgsqlBatchCommand(_sql.Read) } };
        await using var batchScope = batch.ConfigureAwait(false);
        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(ReadRow(reader));
        }

        return rows;
    }

    private async Task<bool> TableExistsAsync(CancellationToken cancellationToken)
    {
        var exists = new NpgsqlCommand(HistorySql.Exists, _connection);
        await using var existsScope = exists.ConfigureAwait(false);
        exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _sql.Names.Table });
        return await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    private AppliedMigration ReadRow(NpgsqlDataReader reader)
    {
        var version = reader.IsDBNull(0) ? (long?)null : reader.GetInt64(0);
        var name = reader.GetString(1);
        try
        {
            return new AppliedMigration
            {
                Version = version,
                Name = name,
                Kind = HistoryValues.ParseKind(reader.GetString(2)),
                Checksum = reader.IsDBNull(3) ? null : reader.GetString(3),
                Batch = reader.GetInt32(4),
                AppliedAt = reader.GetFieldValue<DateTimeOffset>(5),
                ExecutionMs = reader.GetInt64(6),
                AppliedBy = reader.GetString(7),
                State = HistoryValues.ParseState(reader.GetString(8)),
            };
        }
        catch (FormatException e)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"history table {_sql.Names.Display}: the row of {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "repeatable"} {name} is unreadable: {e.Message}",
                "the table was edited by hand or by a newer Strata; fix the row or upgrade Strata");
        }
    }

    private async Task<bool> ApplyInTransactionAsync(IReadOnlyList<HistoryCommand> commands, CancellationToken cancellationToken)
    {
        var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        foreach (var command in commands)
        {
            var batch = new NpgsqlBatch(_connection, transaction) { BatchCommands = { command.ToBatchCommand() } };
            await using var batchScope = batch.ConfigureAwait(false);
            var affected = await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (command.ChecksPrecondition && affected == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<T> RunAsync<T>(string operation, Func<Task<T>> action)
    {
        ErrorTranslator.ThrowIfClosed(_connection, $"{operation} {_sql.Names.Display}", _endpoint);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (ErrorTranslator.IsConnectionLost(e))
        {
            throw ErrorTranslator.ConnectionLost($"while trying to {operation} {_sql.Names.Display}", _endpoint, e);
        }
        catch (PostgresException e)
        {
            throw ErrorTranslator.HistoryFailed(operation, _sql.Names.Display, e);
        }
    }
}

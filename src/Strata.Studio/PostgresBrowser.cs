using Npgsql;
using NpgsqlTypes;

namespace Strata.Studio;

/// <summary>
/// PostgreSQL for the studio. A console statement runs alone in a transaction the studio opens: in read-only mode
/// <c>BEGIN READ ONLY</c> and a first query (after which PostgreSQL refuses <c>SET TRANSACTION READ WRITE</c>), then the
/// statement as one extended-protocol command (PostgreSQL refuses a second statement in it, so <c>COMMIT; DELETE …</c>
/// never reaches the DELETE), then <c>ROLLBACK</c>.
/// </summary>
internal sealed class PostgresBrowser : IStudioDatabase
{
    private const string TablesSql = """
        select n.nspname, c.relname, c.relkind::text, case when c.reltuples < 0 then null else c.reltuples::bigint end
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname <> 'information_schema'
          and n.nspname not like 'pg\_%'
        order by 1, 2
        """;

    private readonly NpgsqlDataSource _source;

    public PostgresBrowser(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "strata studio" };
        _source = NpgsqlDataSource.Create(builder);
    }

    public async Task CheckAsync(CancellationToken ct)
    {
        await using var connection = await _source.OpenConnectionAsync(ct);
    }

    public async Task<IReadOnlyList<TableJson>> TablesAsync(CancellationToken ct)
    {
        await using var command = _source.CreateCommand(TablesSql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tables = new List<TableJson>();
        while (await reader.ReadAsync(ct))
        {
            tables.Add(new TableJson(reader.GetString(0), reader.GetString(1), KindName(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetInt64(3), false));
        }

        return tables;
    }

    public Task<List<TableSchemaJson>> SchemaAsync(CancellationToken ct) => PostgresSchemaReader.ReadAsync(_source, ct);

    public Task<LockJson> LockAsync(Strata.History.HistoryTableName history, CancellationToken ct) => PostgresLock.HolderAsync(_source, history, ct);

    public async Task<Grid> RowsAsync(RowsRequest request, int pageSize, CancellationToken ct)
    {
        var shape = await PostgresShapes.DescribeAsync(_source, request.Schema ?? "public", request.Table, ct);
        var query = new TableQuery(shape, request, postgres: true);
        var cells = shape.Columns.Select(c => c.Class == ValueClass.Binary
            ? $"octet_length({TableQuery.Ref(c.Name)})"
            : $"left({TableQuery.Ref(c.Name)}::text, {Grid.MaxText + 1})");
        var offset = Math.Max(0, request.Offset ?? 0);
        await using var command = Command(query, query.Sql(cells, request.After, offset, pageSize + 1));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await PageReader.ReadAsync(reader, shape, query, pageSize, offset, (r, prefix, i) => ReadCell((NpgsqlDataReader)r, prefix + i, shape.Columns[i].Class == ValueClass.Binary), ct);
    }

    public async Task ExportAsync(RowsRequest request, string format, Stream body, CancellationToken ct)
    {
        var shape = await PostgresShapes.DescribeAsync(_source, request.Schema ?? "public", request.Table, ct);
        var query = new TableQuery(shape, request, postgres: true);
        await using var command = Command(query, query.Sql(shape.Columns.Select(c => TableQuery.Ref(c.Name) + "::text"), null, 0, null));
        await using var reader = await command.ExecuteReaderAsync(ct);
        await ExportWriter.CopyAsync(reader, query.Prefix, format, body, shape.Columns, ct);
    }

    public async Task<bool> CellAsync(CellRequest request, Func<ColumnShape, Stream, Task> write, CancellationToken ct)
    {
        var shape = await PostgresShapes.DescribeAsync(_source, request.Schema, request.Table, ct);
        var column = shape.Column(request.Column);
        var binary = column.Class == ValueClass.Binary;
        var query = new TableQuery(shape, new RowsRequest(request.Schema, request.Table, null, null), postgres: true);
        await using var command = Command(query, query.ByKey(binary ? TableQuery.Ref(column.Name) : TableQuery.Ref(column.Name) + "::text", request.Key));
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct))
        {
            return false;
        }

        await using var stream = reader.IsDBNull(0) ? Stream.Null
            : binary ? reader.GetStream(0)
            : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0)));
        await write(column, stream);
        return true;
    }

    public async Task<EditJson> EditAsync(EditRequest request, bool apply, bool write, CancellationToken ct)
    {
        var shape = await PostgresShapes.DescribeAsync(_source, request.Schema ?? "public", request.Table, ct);
        var change = RowChange.Build(shape, request, postgres: true);
        if (!apply)
        {
            return new EditJson(change.Sql, change.Parameters, null);
        }

        await using var connection = await _source.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!write)
        {
            await using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction);
            await readOnly.ExecuteNonQueryAsync(ct);
        }

        await using var command = new NpgsqlCommand(change.Sql, connection, transaction);
        command.Parameters.AddRange(change.Parameters.Select(v => new NpgsqlParameter { Value = (object?)v ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }).ToArray());
        var affected = await command.ExecuteNonQueryAsync(ct);
        EditCheck.ExactlyOne(change, affected);
        await transaction.CommitAsync(ct);
        return new EditJson(change.Sql, change.Parameters, affected);
    }

    public async Task<Grid> QueryAsync(string sql, bool write, int maxRows, CancellationToken ct)
    {
        await using var connection = await _source.OpenConnectionAsync(ct);
        // The first query of the transaction takes its snapshot; from then on PostgreSQL refuses to make it read-write.
        await using (var begin = new NpgsqlCommand(write ? "BEGIN" : "BEGIN TRANSACTION READ ONLY; SELECT 1", connection))
        {
            await begin.ExecuteNonQueryAsync(ct);
        }

        var grid = new Grid { ReadOnly = !write };
        var succeeded = false;
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                await ResultReader.ReadAsync(reader, grid, maxRows, batch.Cancel, ct);
            }

            grid.Affected = batch.BatchCommands[0].RecordsAffected is var affected && affected >= 0 && grid.Columns.Count == 0 ? affected : null;
            succeeded = true;
        }
        finally
        {
            await using var end = new NpgsqlCommand(write && succeeded ? "COMMIT" : "ROLLBACK", connection);
            await end.ExecuteNonQueryAsync(CancellationToken.None);
        }

        return grid;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private static Cell ReadCell(NpgsqlDataReader reader, int ordinal, bool binary) =>
        reader.IsDBNull(ordinal) ? Cell.Null : binary ? new Cell(null, reader.GetInt32(ordinal)) : Cell.Of(reader.GetString(ordinal));

    private static string KindName(string relkind) => relkind switch
    {
        "r" => "table",
        "p" => "partitioned table",
        "v" => "view",
        "m" => "materialized view",
        _ => "foreign table",
    };

    private NpgsqlCommand Command(TableQuery query, string sql)
    {
        var command = _source.CreateCommand(sql);
        command.Parameters.AddRange(query.Parameters.Select(v => new NpgsqlParameter { Value = (object?)v ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }).ToArray());
        return command;
    }
}

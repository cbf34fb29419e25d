using Microsoft.Data.Sqlite;

namespace Strata.Studio;

/// <summary>
/// SQLite for the studio. Browsing always opens the file read-only; a console statement in read-only mode runs on a
/// connection opened read-only (SQLITE_OPEN_READONLY, which no statement can lift) with <c>PRAGMA query_only</c> on,
/// so a write fails inside SQLite; in write mode it runs in a transaction that commits when it succeeds. Every statement of
/// the console text runs, as in the sqlite3 shell; the first result is shown.
/// </summary>
internal sealed class SqliteBrowser(string path) : IStudioDatabase
{
    public async Task CheckAsync(CancellationToken ct)
    {
        // Opened read-only: a file that does not exist is an error here, never created.
        await using var connection = await OpenAsync(write: false, ct);
    }

    public async Task<IReadOnlyList<TableJson>> TablesAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(write: false, ct);
        var names = new List<(string Name, string Type)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "select name, type from sqlite_schema where type in ('table', 'view') and name not like 'sqlite\\_%' escape '\\' order by name";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                names.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var stats = await StatisticsAsync(connection, ct);
        var tables = new List<TableJson>();
        foreach (var (name, type) in names)
        {
            // ANALYZE's estimate when there is one; else a count that stops after 1,000 rows. Views are not counted.
            var (rows, atLeast) = stats.TryGetValue(name, out var estimate) ? (estimate, false)
                : type == "table" ? await BoundedCountAsync(connection, name, ct) : ((long?)null, false);
            tables.Add(new TableJson("main", name, type, rows, atLeast));
        }

        return tables;
    }

    public async Task<List<TableSchemaJson>> SchemaAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(write: false, ct);
        return await SqliteSchemaReader.ReadAsync(connection, ct);
    }

    public Task<LockJson> LockAsync(Strata.History.HistoryTableName history, CancellationToken ct) =>
        Task.FromResult(new LockJson(false, "SQLite has no migration lock to hold: each migration's BEGIN IMMEDIATE transaction keeps writers apart"));

    public async Task<Grid> RowsAsync(RowsRequest request, int pageSize, CancellationToken ct)
    {
        await using var connection = await OpenAsync(write: false, ct);
        var shape = await SqliteShapes.DescribeAsync(connection, request.Table, ct);
        var query = new TableQuery(shape, request, postgres: false);
        var cells = shape.Columns.Select(c => TableQuery.Ref(c.Name)).Select(c => $"typeof({c}), case when typeof({c}) = 'blob' then length({c}) else substr({c}, 1, {Grid.MaxText + 1}) end");
        var offset = Math.Max(0, request.Offset ?? 0);
        await using var command = Command(connection, query, query.Sql(cells, request.After, offset, pageSize + 1));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await PageReader.ReadAsync(reader, shape, query, pageSize, offset, (r, prefix, i) => ReadCell((SqliteDataReader)r, prefix + (2 * i)), ct);
    }

    public async Task ExportAsync(RowsRequest request, string format, Stream body, CancellationToken ct)
    {
        await using var connection = await OpenAsync(write: false, ct);
        var shape = await SqliteShapes.DescribeAsync(connection, request.Table, ct);
        var query = new TableQuery(shape, request, postgres: false);
        var cells = shape.Columns.Select(c => TableQuery.Ref(c.Name)).Select(c => $"case when typeof({c}) = 'blob' then '\\x' || lower(hex({c})) else cast({c} as text) end");
        await using var command = Command(connection, query, query.Sql(cells, null, 0, null));
        await using var reader = await command.ExecuteReaderAsync(ct);
        await ExportWriter.CopyAsync(reader, query.Prefix, format, body, shape.Columns, ct);
    }

    public async Task<bool> CellAsync(CellRequest request, Func<ColumnShape, Stream, Task> write, CancellationToken ct)
    {
        await using var connection = await OpenAsync(write: false, ct);
        var shape = await SqliteShapes.DescribeAsync(connection, request.Table, ct);
        var column = shape.Column(request.Column);
        var query = new TableQuery(shape, new RowsRequest(request.Schema, request.Table, null, null), postgres: false);
        await using var command = Command(connection, query, query.ByKey(TableQuery.Ref(column.Name), request.Key));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return false;
        }

        await using var stream = reader.IsDBNull(0) ? Stream.Null
            : reader.GetFieldType(0) == typeof(byte[]) ? reader.GetStream(0)
            : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0)));
        await write(column, stream);
        return true;
    }

    public async Task<EditJson> EditAsync(EditRequest request, bool apply, bool write, CancellationToken ct)
    {
        await using var connection = await OpenAsync(write && apply, ct);
        var shape = await SqliteShapes.DescribeAsync(connection, request.Table, ct);
        var change = RowChange.Build(shape, request, postgres: false);
        if (!apply)
        {
            return new EditJson(change.Sql, change.Parameters, null);
        }

        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = change.Sql;
        for (var i = 0; i < change.Parameters.Count; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", (object?)change.Parameters[i] ?? DBNull.Value);
        }

        var affected = await command.ExecuteNonQueryAsync(ct);
        EditCheck.ExactlyOne(change, affected);
        await transaction.CommitAsync(ct);
        return new EditJson(change.Sql, change.Parameters, affected);
    }

    public async Task<Grid> QueryAsync(string sql, bool write, int maxRows, CancellationToken ct)
    {
        await using var connection = await OpenAsync(write, ct);
        await using var transaction = write ? connection.BeginTransaction() : null;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        var grid = new Grid { ReadOnly = !write };
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await ResultReader.ReadAsync(reader, grid, maxRows, () => { }, ct);
            // Like the sqlite3 shell, every statement of the text runs (the first result is shown): an error in any is the answer.
            while (await reader.NextResultAsync(ct))
            {
            }

            grid.Affected = grid.Columns.Count == 0 && reader.RecordsAffected >= 0 ? reader.RecordsAffected : null;
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return grid;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Cell ReadCell(SqliteDataReader reader, int ordinal) => reader.GetString(ordinal) switch
    {
        "null" => Cell.Null,
        "blob" => new Cell(null, reader.GetInt64(ordinal + 1)),
        _ => Cell.Of(reader.GetString(ordinal + 1)),
    };

    private static SqliteCommand Command(SqliteConnection connection, TableQuery query, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < query.Parameters.Count; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", (object?)query.Parameters[i] ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<Dictionary<string, long>> StatisticsAsync(SqliteConnection connection, CancellationToken ct)
    {
        var stats = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await using var command = connection.CreateCommand();
        command.CommandText = "select count(*) from sqlite_schema where name = 'sqlite_stat1'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return stats;
        }

        command.CommandText = "select tbl, max(cast(stat as integer)) from sqlite_stat1 group by tbl";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stats[reader.GetString(0)] = reader.GetInt64(1);
        }

        return stats;
    }

    private static async Task<(long?, bool)> BoundedCountAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"select count(*) from (select 1 from {Identifiers.Quote(table)} limit 1001)";
        var count = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return count > 1000 ? (1000, true) : (count, false);
    }

    private async Task<SqliteConnection> OpenAsync(bool write, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = write ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (!write)
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA query_only = ON";
                await pragma.ExecuteNonQueryAsync(ct);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

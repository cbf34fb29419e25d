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

    public async Task<Grid> RowsAsync(RowsRequest request, int pageSize, CancellationToken ct)
    {
        await using var connection = await OpenAsync(write: false, ct);
        var (columns, keys, paging) = await DescribeAsync(connection, request.Table, ct);
        var grid = new Grid { Paging = paging };
        grid.Columns.AddRange(columns);
        var keyed = paging != "offset";
        var cells = columns.Select(c => Identifiers.Quote(c.Name)).Select(c => $"typeof({c}), case when typeof({c}) = 'blob' then length({c}) else substr({c}, 1, {Grid.MaxText + 1}) end");
        var select = string.Join(", ", keys.Select(k => $"cast({k} as text)").Concat(cells));
        await using var command = connection.CreateCommand();
        var sql = $"select {select} from {Identifiers.Quote(request.Table)}";
        if (keyed && request.After is { Count: > 0 } after)
        {
            if (after.Count != keys.Count)
            {
                throw new StudioRequestException($"the page key has {after.Count} value(s) but {request.Table} pages by {keys.Count}");
            }

            sql += $" where ({string.Join(", ", keys)}) > ({string.Join(", ", keys.Select((_, i) => $"${i + 1}"))})";
            for (var i = 0; i < after.Count; i++)
            {
                command.Parameters.AddWithValue($"${i + 1}", (object?)after[i] ?? DBNull.Value);
            }
        }

        var offset = Math.Max(0, request.Offset ?? 0);
        command.CommandText = sql + (keyed ? $" order by {string.Join(", ", keys)} limit {pageSize + 1}" : $" limit {pageSize + 1} offset {offset}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        string?[]? lastKey = null;
        while (await reader.ReadAsync(ct))
        {
            if (grid.Rows.Count == pageSize)
            {
                grid.Next = keyed ? lastKey : null;
                grid.NextOffset = keyed ? null : offset + pageSize;
                break;
            }

            lastKey = keys.Select((_, i) => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray();
            grid.Rows.Add(columns.Select((_, i) => ReadCell(reader, keys.Count + (2 * i))).ToArray());
        }

        return grid;
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

    private static async Task<(List<GridColumn> Columns, List<string> Keys, string Paging)> DescribeAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "select type from sqlite_schema where name = $name and type in ('table', 'view')";
        command.Parameters.AddWithValue("$name", table);
        var type = await command.ExecuteScalarAsync(ct) as string
            ?? throw new StudioRequestException($"no table or view {table}: it may have been dropped; reload the table list", 404);
        command.CommandText = "select name, type, pk from pragma_table_info($name) order by cid";
        var columns = new List<GridColumn>();
        var keyed = new SortedList<long, string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var (name, pk) = (reader.GetString(0), reader.GetInt64(2));
                columns.Add(new GridColumn(name, reader.GetString(1), pk > 0));
                if (pk > 0)
                {
                    keyed.Add(pk, Identifiers.Quote(name));
                }
            }
        }

        // A table without a primary key pages by rowid (every such table has one); a view by offset.
        return keyed.Count > 0 ? (columns, keyed.Values.ToList(), "key")
            : type == "table" ? (columns, ["rowid"], "rowid")
            : (columns, [], "offset");
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

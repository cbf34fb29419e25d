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

    private const string ColumnsSql = """
        select a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid = 'bytea'::regtype,
               coalesce((select k.n::int from unnest(i.indkey) with ordinality k(att, n) where k.att = a.attnum), 0), c.relkind::text
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        left join pg_index i on i.indrelid = c.oid and i.indisprimary
        where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'p', 'v', 'm', 'f')
        order by a.attnum
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

    public async Task<Grid> RowsAsync(RowsRequest request, int pageSize, CancellationToken ct)
    {
        var schema = request.Schema ?? "public";
        var (columns, keys, paging, binary) = await DescribeAsync(schema, request.Table, ct);
        var grid = new Grid { Paging = paging };
        grid.Columns.AddRange(columns);
        var keyed = paging != "offset";
        var select = string.Join(", ", keys.Select(k => $"{k.Expression}::text").Concat(columns.Select((c, i) => binary[i]
            ? $"octet_length({Identifiers.Quote(c.Name)})"
            : $"left({Identifiers.Quote(c.Name)}::text, {Grid.MaxText + 1})")));
        // The relation is "r" and every key is qualified with it: ORDER BY a bare name would pick the text copy in the select list.
        var sql = $"select {select} from {Identifiers.Quote(schema)}.{Identifiers.Quote(request.Table)} as r";
        await using var command = _source.CreateCommand();
        if (keyed && request.After is { Count: > 0 } after)
        {
            if (after.Count != keys.Count)
            {
                throw new StudioRequestException($"the page key has {after.Count} value(s) but {request.Table} pages by {keys.Count}");
            }

            var left = string.Join(", ", keys.Select(k => k.Expression));
            var right = string.Join(", ", keys.Select((k, i) => $"cast(${i + 1}::text as {k.Type})"));
            sql += $" where ({left}) > ({right})";
            command.Parameters.AddRange(after.Select(v => new NpgsqlParameter { Value = (object?)v ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }).ToArray());
        }

        sql += keyed ? $" order by {string.Join(", ", keys.Select(k => k.Expression))} limit {pageSize + 1}" : $" limit {pageSize + 1} offset {Math.Max(0, request.Offset ?? 0)}";
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        string?[]? lastKey = null;
        while (await reader.ReadAsync(ct))
        {
            if (grid.Rows.Count == pageSize)
            {
                grid.Next = keyed ? lastKey : null;
                grid.NextOffset = keyed ? null : Math.Max(0, request.Offset ?? 0) + pageSize;
                break;
            }

            lastKey = keys.Select((_, i) => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray();
            grid.Rows.Add(columns.Select((_, i) => ReadCell(reader, keys.Count + i, binary[i])).ToArray());
        }

        return grid;
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

    private async Task<(List<GridColumn> Columns, List<(string Expression, string Type)> Keys, string Paging, List<bool> Binary)> DescribeAsync(string schema, string table, CancellationToken ct)
    {
        await using var command = _source.CreateCommand(ColumnsSql);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new List<GridColumn>();
        var binary = new List<bool>();
        var keyed = new SortedList<int, (string, string)>();
        var kind = "";
        while (await reader.ReadAsync(ct))
        {
            var (name, type, position) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(3));
            kind = reader.GetString(4);
            columns.Add(new GridColumn(name, type, position > 0));
            binary.Add(reader.GetBoolean(2));
            if (position > 0)
            {
                keyed.Add(position, ("r." + Identifiers.Quote(name), type));
            }
        }

        if (columns.Count == 0 && kind.Length == 0)
        {
            throw new StudioRequestException($"no table or view {schema}.{table}: it may have been dropped; reload the table list", 404);
        }

        // Without a primary key a plain or materialized table pages by physical position (ctid); a view by offset.
        return keyed.Count > 0 ? (columns, keyed.Values.ToList(), "key", binary)
            : kind is "r" or "m" ? (columns, [("r.ctid", "tid")], "ctid", binary)
            : (columns, [], "offset", binary);
    }
}

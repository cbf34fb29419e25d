using Microsoft.Data.Sqlite;

namespace Strata.Studio;

/// <summary>Every table's structure from SQLite: table_info, its indexes (automatic ones described), foreign keys, triggers, the CREATE text.</summary>
internal static class SqliteSchemaReader
{
    public static async Task<List<TableSchemaJson>> ReadAsync(SqliteConnection connection, CancellationToken ct)
    {
        var tables = new List<TableSchemaJson>();
        await ReadAsync(connection, "select name, type, sql from sqlite_schema where type in ('table', 'view') and name not like 'sqlite\\_%' escape '\\' order by name", null,
            r => tables.Add(new TableSchemaJson("main", r.GetString(0), r.GetString(1), null) { Definition = r.IsDBNull(2) ? null : r.GetString(2) }), ct);
        foreach (var table in tables)
        {
            await ReadAsync(connection, "select name, type, \"notnull\", dflt_value, pk from pragma_table_info($t) order by cid", table.Name,
                r => table.Columns.Add(new ColumnSchemaJson(r.GetString(0), r.GetString(1), r.GetInt64(2) == 0, r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4) > 0, null)), ct);
            await ReadAsync(connection, """
                select l.name, coalesce(s.sql, case l.origin when 'pk' then 'primary key' else 'unique' end || ' (' ||
                       (select group_concat(name, ', ') from (select name from pragma_index_info(l.name) order by seqno)) || ') (automatic)')
                from pragma_index_list($t) l left join sqlite_schema s on s.type = 'index' and s.name = l.name order by l.name
                """, table.Name, r => table.Indexes.Add(new NamedDefinitionJson(r.GetString(0), r.GetString(1))), ct);
            var keys = new SortedDictionary<long, (string Table, List<string> From, List<string?> To)>();
            await ReadAsync(connection, "select id, \"table\", \"from\", \"to\" from pragma_foreign_key_list($t) order by id, seq", table.Name, r =>
            {
                if (!keys.TryGetValue(r.GetInt64(0), out var key))
                {
                    keys[r.GetInt64(0)] = key = (r.GetString(1), [], []);
                }

                key.From.Add(r.GetString(2));
                key.To.Add(r.IsDBNull(3) ? null : r.GetString(3));
            }, ct);
            foreach (var (id, key) in keys)
            {
                // A key without "to" columns refers to the other table's primary key.
                var to = key.To.All(t => t is not null) ? key.To.Select(t => t!).ToList() : await PrimaryKeyAsync(connection, key.Table, ct);
                table.ForeignKeys.Add(new ForeignKeyJson($"fk{id}", key.From, "main", key.Table, to));
            }

            await ReadAsync(connection, "select name, sql from sqlite_schema where type = 'trigger' and tbl_name = $t order by name", table.Name,
                r => table.Triggers.Add(new NamedDefinitionJson(r.GetString(0), r.GetString(1))), ct);
        }

        return tables;
    }

    private static async Task<List<string>> PrimaryKeyAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        var names = new List<string>();
        await ReadAsync(connection, "select name from pragma_table_info($t) where pk > 0 order by pk", table, r => names.Add(r.GetString(0)), ct);
        return names;
    }

    private static async Task ReadAsync(SqliteConnection connection, string sql, string? table, Action<SqliteDataReader> row, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (table is not null)
        {
            command.Parameters.AddWithValue("$t", table);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}

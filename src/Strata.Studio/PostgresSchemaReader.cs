using Npgsql;

namespace Strata.Studio;

/// <summary>Every user table's structure from PostgreSQL's catalog in five queries (no data read, nothing counted).</summary>
internal static class PostgresSchemaReader
{
    private const string Relations = "c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'";

    public static async Task<List<TableSchemaJson>> ReadAsync(NpgsqlDataSource source, CancellationToken ct)
    {
        var tables = new Dictionary<uint, TableSchemaJson>();
        await ReadAsync(source, $"""
            select c.oid, n.nspname, c.relname, c.relkind::text, obj_description(c.oid, 'pg_class')
            from pg_class c join pg_namespace n on n.oid = c.relnamespace where {Relations} order by 2, 3
            """, r => tables[r.GetFieldValue<uint>(0)] = new TableSchemaJson(r.GetString(1), r.GetString(2), Kind(r.GetString(3)), Text(r, 4)), ct);
        await ReadAsync(source, $"""
            select a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), not a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
                   exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indisprimary and a.attnum = any (i.indkey)),
                   col_description(a.attrelid, a.attnum)
            from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
            left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            where {Relations} and a.attnum > 0 and not a.attisdropped order by a.attrelid, a.attnum
            """, r => tables[r.GetFieldValue<uint>(0)].Columns.Add(new ColumnSchemaJson(r.GetString(1), r.GetString(2), r.GetBoolean(3), Text(r, 4), r.GetBoolean(5), Text(r, 6))), ct);
        await ReadAsync(source, $"""
            select i.indrelid, ic.relname, pg_get_indexdef(i.indexrelid)
            from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
            where {Relations} order by i.indrelid, ic.relname
            """, r => tables[r.GetFieldValue<uint>(0)].Indexes.Add(new NamedDefinitionJson(r.GetString(1), r.GetString(2))), ct);
        await ReadAsync(source, $"""
            select k.conrelid, k.conname, pg_get_constraintdef(k.oid), k.contype::text, fn.nspname, fc.relname,
                   array(select a.attname::text from unnest(k.conkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.o),
                   array(select a.attname::text from unnest(k.confkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.o)
            from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
            left join pg_class fc on fc.oid = k.confrelid left join pg_namespace fn on fn.oid = fc.relnamespace
            where {Relations} order by k.conrelid, k.conname
            """, r =>
            {
                var table = tables[r.GetFieldValue<uint>(0)];
                table.Constraints.Add(new NamedDefinitionJson(r.GetString(1), r.GetString(2)));
                if (r.GetString(3) == "f")
                {
                    table.ForeignKeys.Add(new ForeignKeyJson(r.GetString(1), r.GetFieldValue<string[]>(6), r.GetString(4), r.GetString(5), r.GetFieldValue<string[]>(7)));
                }
            }, ct);
        await ReadAsync(source, $"""
            select t.tgrelid, t.tgname, pg_get_triggerdef(t.oid)
            from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
            where {Relations} and not t.tgisinternal order by t.tgrelid, t.tgname
            """, r => tables[r.GetFieldValue<uint>(0)].Triggers.Add(new NamedDefinitionJson(r.GetString(1), r.GetString(2))), ct);
        return tables.Values.ToList();
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Kind(string relkind) => relkind switch
    {
        "r" => "table",
        "p" => "partitioned table",
        "v" => "view",
        "m" => "materialized view",
        _ => "foreign table",
    };

    private static async Task ReadAsync(NpgsqlDataSource source, string sql, Action<NpgsqlDataReader> row, CancellationToken ct)
    {
        await using var command = source.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}

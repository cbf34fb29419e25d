using Npgsql;

namespace Strata.Studio;

/// <summary>Reads a PostgreSQL table's shape from the catalog: columns, types and their classes, enum labels, single-column foreign keys, the key.</summary>
internal static class PostgresShapes
{
    private const string ColumnsSql = """
        select a.attname, format_type(a.atttypid, a.atttypmod), t.typname::text, t.typcategory::text,
               coalesce((select k.n::int from unnest(i.indkey) with ordinality k(att, n) where k.att = a.attnum), 0), c.relkind::text,
               (select array_agg(e.enumlabel::text order by e.enumsortorder) from pg_enum e where e.enumtypid = a.atttypid),
               (select array[fn.nspname::text, fc.relname::text, fa.attname::text]
                from pg_constraint f join pg_class fc on fc.oid = f.confrelid join pg_namespace fn on fn.oid = fc.relnamespace
                join pg_attribute fa on fa.attrelid = f.confrelid and fa.attnum = f.confkey[1]
                where f.conrelid = c.oid and f.contype = 'f' and f.conkey = array[a.attnum] order by f.conname limit 1)
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        join pg_type t on t.oid = a.atttypid
        left join pg_index i on i.indrelid = c.oid and i.indisprimary
        where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'p', 'v', 'm', 'f')
        order by a.attnum
        """;

    public static async Task<TableShape> DescribeAsync(NpgsqlDataSource source, string schema, string table, CancellationToken ct)
    {
        await using var command = source.CreateCommand(ColumnsSql);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new List<ColumnShape>();
        var keyed = new SortedList<int, (string, string)>();
        var kind = "";
        while (await reader.ReadAsync(ct))
        {
            var (name, type, position) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(4));
            kind = reader.GetString(5);
            var values = reader.IsDBNull(6) ? null : reader.GetFieldValue<string[]>(6);
            var reference = reader.IsDBNull(7) ? null : reader.GetFieldValue<string[]>(7);
            columns.Add(new ColumnShape(name, type, Classify(reader.GetString(2), reader.GetString(3)), position > 0, values,
                reference is [var s, var t, var c] ? new ForeignKey(s, t, c) : null));
            if (position > 0)
            {
                keyed.Add(position, (TableQuery.Ref(name), type));
            }
        }

        if (columns.Count == 0 && kind.Length == 0)
        {
            throw new StudioRequestException($"no table or view {schema}.{table}: it may have been dropped; reload the table list", 404);
        }

        // Without a primary key a plain or materialized table pages by physical position (ctid); a view by offset.
        return keyed.Count > 0 ? new TableShape(schema, table, columns, keyed.Values.ToList(), "key")
            : kind is "r" or "m" ? new TableShape(schema, table, columns, [("r.ctid", "tid")], "ctid")
            : new TableShape(schema, table, columns, [], "offset");
    }

    /// <summary>By pg_type's category (N numeric, D date/time, S string, B boolean, E enum), json and bytea by name.</summary>
    private static ValueClass Classify(string typeName, string category) => typeName switch
    {
        "bytea" => ValueClass.Binary,
        "uuid" => ValueClass.Text,
        "json" or "jsonb" => ValueClass.Json,
        _ => category switch
        {
            "N" => ValueClass.Number,
            "D" => ValueClass.Date,
            "S" => ValueClass.Text,
            "B" => ValueClass.Boolean,
            "E" => ValueClass.Enum,
            "A" or "G" or "U" or "X" or "P" => ValueClass.Other,
            _ => ValueClass.Text,
        },
    };
}

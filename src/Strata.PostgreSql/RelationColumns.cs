using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>
/// The columns of views, materialized views and composite types (<see cref="SchemaObject.Columns"/>): one set-based
/// query sent in the introspection batch, then attached to the objects read by the other queries. Code generation
/// reads them; the diff does not.
/// </summary>
internal static class RelationColumns
{
    public static readonly string Query = $"""
        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               (SELECT x.description FROM pg_description x WHERE x.objoid = c.oid AND x.classoid = 'pg_class'::regclass AND x.objsubid = a.attnum)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relkind IN ('v', 'm', 'c') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    /// <summary>
    /// The state with the columns of <paramref name="rows"/> attached to its views, materialized views and composite types.
    /// </summary>
    public static DatabaseSchema Attach(DatabaseSchema schema, IReadOnlyList<object?[]> rows)
    {
        var columns = rows
            .GroupBy(r => new QualifiedName(S(r[0]), S(r[1])))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ColumnDefinition>)[.. g.Select(r => new ColumnDefinition(S(r[2]), S(r[3]), (bool)r[4]!) { Comment = r[5] as string })]);
        if (columns.Count == 0)
        {
            return schema;
        }

        var objects = schema.Objects.Select(o => o.Table is null && HasColumns(o.Kind) && columns.TryGetValue(o.Name, out var found) ? o with { Columns = found } : o);
        return new DatabaseSchema(schema.Tables, objects, schema.Unmanaged);
    }

    private static bool HasColumns(ObjectKind kind) => kind is ObjectKind.View or ObjectKind.MaterializedView or ObjectKind.CompositeType;

    private static string S(object? value) => value as string ?? "";
}

using Strata.Schema;
using static Strata.PostgreSql.CatalogSql;
using static Strata.PostgreSql.Row;

namespace Strata.PostgreSql;

/// <summary>Tables (partitioned, partitions, inheritance children, unlogged) with their columns and settings, and what their columns need.</summary>
internal static class TableCatalog
{
    public static IEnumerable<CatalogQuery> Queries(int version)
    {
        yield return new CatalogQuery(Columns(version), ReadTables);
        yield return new CatalogQuery(Dependencies, ReadDependencies);
    }

    private static string Columns(int version) => $"""
        SELECT n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity, {Comment("c.oid", "pg_class")},
               a.attname, format_type(a.atttypid, a.atttypmod), {NotNull(version)}, pg_get_expr(d.adbin, d.adrelid),
               a.attidentity::text, a.attgenerated::text,
               CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN {CollationName("a.attcollation")} END,
               {Comment("c.oid", "pg_class", "a.attnum")},
               CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
               c.relpersistence = 'u', c.reloptions, tc.reloptions, c.relreplident::text,
               CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
               ARRAY(SELECT pn.nspname || chr(31) || pc.relname FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent
                     JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid ORDER BY i.inhseqno),
               a.attislocal AND NOT c.relispartition,
               CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text END,
               {(version >= 140000 ? "NULLIF(a.attcompression::text, '')" : "NULL::text")},
               NULLIF(a.attstattarget, -1)::int, a.attoptions,
               CASE WHEN a.attidentity <> '' THEN (
                   SELECT concat_ws(chr(31), sn.nspname, sc.relname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle)
                   FROM pg_depend sd JOIN pg_class sc ON sc.oid = sd.objid JOIN pg_namespace sn ON sn.oid = sc.relnamespace
                   JOIN pg_sequence s ON s.seqrelid = sc.oid
                   WHERE sd.classid = 'pg_class'::regclass AND sd.refclassid = 'pg_class'::regclass AND sd.refobjid = c.oid
                     AND sd.refobjsubid = a.attnum AND sd.deptype = 'i' LIMIT 1) END,
               {(version >= 180000 ? "(SELECT nn.conname FROM pg_constraint nn WHERE nn.conrelid = c.oid AND nn.contype = 'n' AND nn.conkey[1] = a.attnum AND nn.conislocal)" : "NULL::name")}::text
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        LEFT JOIN pg_type t ON t.oid = a.atttypid
        WHERE c.relkind IN ('r', 'p') AND c.reloftype = 0 AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    /// <summary>
    /// NOT NULL as the table declares it: from PostgreSQL 18 a column's NOT NULL is a constraint that a child inherits
    /// (<c>conislocal</c> false), and declaring it again would make it the child's own.
    /// </summary>
    private static string NotNull(int version) => version >= 180000
        ? "a.attnotnull AND (a.attinhcount = 0 OR EXISTS (SELECT 1 FROM pg_constraint nn WHERE nn.conrelid = c.oid AND nn.contype = 'n' AND nn.conkey[1] = a.attnum AND nn.conislocal))"
        : "a.attnotnull";

    /// <summary>The user objects columns need: their types and collations, and what their defaults and generation expressions call.</summary>
    private static readonly string Dependencies = $"""
        SELECT n.nspname, c.relname, ref.nsp, ref.name
        FROM pg_depend dp
        JOIN pg_class c ON c.oid = dp.objid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        {Referenced("dp")}
        WHERE dp.classid = 'pg_class'::regclass AND dp.objsubid > 0 AND dp.deptype = 'n' AND c.relkind IN ('r', 'p') AND {UserReference}
        UNION ALL
        SELECT n.nspname, c.relname, ref.nsp, ref.name
        FROM pg_depend dp
        JOIN pg_attrdef ad ON ad.oid = dp.objid
        JOIN pg_class c ON c.oid = ad.adrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        {Referenced("dp")}
        WHERE dp.classid = 'pg_attrdef'::regclass AND dp.deptype = 'n' AND c.relkind IN ('r', 'p') AND {UserReference}
        """;

    private static void ReadTables(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var group in rows.GroupBy(r => (S(r[0]), S(r[1]))))
        {
            var first = group.First();
            var bound = N(first[18]);
            var parents = Texts(first[19]).Select(n => n.Split(Separator)).Select(p => new QualifiedName(p[0], p[1])).ToList();
            builder.Tables.Add(new TableDefinition(new QualifiedName(group.Key.Item1, group.Key.Item2), [.. group.Where(r => r[5] is not null).Select(Column)])
            {
                RowLevelSecurity = B(first[2]),
                ForceRowLevelSecurity = B(first[3]),
                Comment = N(first[4]),
                Options = first[13] is null ? null : "PARTITION BY " + S(first[13]),
                Unlogged = B(first[14]),
                StorageParameters = StorageParameters(Texts(first[15]), Texts(first[16])),
                ReplicaIdentity = S(first[17]) switch { "f" => "FULL", "n" => "NOTHING", _ => null },
                PartitionBound = bound,
                PartitionOf = bound is null || parents.Count == 0 ? null : parents[0],
                Inherits = bound is null ? parents : [],
            });
        }
    }

    private static ColumnDefinition Column(object?[] r)
    {
        var generated = N(r[10]) is "s" or "v";
        var identity = N(r[9]) switch { "a" => "ALWAYS", "d" => "BY DEFAULT", _ => null };
        return new ColumnDefinition(S(r[5]), S(r[6]), B(r[7]))
        {
            Default = generated ? null : N(r[8]),
            Generated = generated ? N(r[8]) : null,
            Virtual = N(r[10]) is "v",
            Identity = identity,
            IdentityOptions = identity is null ? null : IdentityOptions.Of(S(r[1]), S(r[5]), S(r[6]), N(r[25])),
            Collation = N(r[11]),
            Comment = N(r[12]),
            Inherited = !B(r[20]),
            Storage = N(r[21]) switch { "p" => "PLAIN", "e" => "EXTERNAL", "m" => "MAIN", "x" => "EXTENDED", _ => null },
            Compression = N(r[22]) switch { "p" => "pglz", "l" => "lz4", _ => null },
            Statistics = r[23] is int target ? target : null,
            Options = Texts(r[24]) is { Length: > 0 } options ? string.Join(", ", options) : null,
            NotNullName = N(r[26]) is { } constraint && constraint != $"{S(r[1])}_{S(r[5])}_not_null" ? constraint : null,
        };
    }

    /// <summary><c>key='value'</c> pairs as pg_dump writes them, the TOAST table's prefixed with <c>toast.</c>; null for none.</summary>
    internal static string? StorageParameters(IEnumerable<string> options, IEnumerable<string> toast)
    {
        var all = options.Select(Pair).Concat(toast.Select(o => "toast." + Pair(o))).ToList();
        return all.Count == 0 ? null : string.Join(", ", all);
    }

    private static string Pair(string option)
    {
        var split = option.IndexOf('=', StringComparison.Ordinal);
        return split < 0 ? option : option[..split] + "=" + SqlText.Literal(option[(split + 1)..]);
    }

    private static void ReadDependencies(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var table = Name(r[0], r[1]);
            if (!builder.TableDependencies.TryGetValue(table, out var list))
            {
                builder.TableDependencies[table] = list = [];
            }

            list.Add(Name(r[2], r[3]));
        }
    }
}

using Strata.Schema;
using static Strata.PostgreSql.CatalogSql;
using static Strata.PostgreSql.Row;

namespace Strata.PostgreSql;

/// <summary>
/// Keys, checks, exclusion constraints, indexes and extended statistics of tables (and indexes of materialized views).
/// Those a partition or child gets from its parent are left out: they come with <c>PARTITION OF</c>/<c>INHERITS</c>.
/// </summary>
internal static class ConstraintCatalog
{
    public static IEnumerable<CatalogQuery> Queries(int version)
    {
        yield return new CatalogQuery(Constraints, ReadConstraints);
        yield return new CatalogQuery(Indexes(version), ReadIndexes);
        yield return new CatalogQuery(Statistics, ReadStatistics);
    }

    private static readonly string Constraints = $"""
        SELECT n.nspname, c.relname, k.conname, k.contype::text, pg_get_constraintdef(k.oid, true),
               rn.nspname, r.relname, {Comment("k.oid", "pg_constraint")},
               CASE WHEN k.contype = 'c' THEN {Dependencies("pg_constraint", "k.oid")} END,
               ci.indisreplident, ci.indisclustered
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class r ON r.oid = k.confrelid
        LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
        LEFT JOIN pg_index ci ON ci.indexrelid = k.conindid AND k.contype IN ('p', 'u', 'x')
        WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relkind IN ('r', 'p') AND k.conparentid = 0 AND k.conislocal
          AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
        """;

    private static string Indexes(int version) => $"""
        SELECT n.nspname, t.relname, ic.relname, pg_get_indexdef(i.indexrelid), {Comment("i.indexrelid", "pg_class")},
               t.relkind = 'p', i.indisclustered, i.indisreplident, {Dependencies("pg_class", "i.indexrelid")},
               CASE WHEN i.indexprs IS NOT NULL THEN ARRAY(SELECT a.attnum || chr(31) || a.attstattarget FROM pg_attribute a
                   WHERE a.attrelid = i.indexrelid AND a.attstattarget {(version >= 170000 ? "IS NOT NULL" : "<> -1")} ORDER BY a.attnum) END
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE t.relkind IN ('r', 'p', 'm') AND {UserSchema} AND {NotExtension("pg_class", "t.oid")}
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
          AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
        """;

    private static readonly string Statistics = $"""
        SELECT n.nspname, s.stxname, tn.nspname, t.relname, pg_get_statisticsobjdef(s.oid), NULLIF(s.stxstattarget, -1)::int,
               {Comment("s.oid", "pg_statistic_ext")}
        FROM pg_statistic_ext s
        JOIN pg_namespace n ON n.oid = s.stxnamespace
        JOIN pg_class t ON t.oid = s.stxrelid
        JOIN pg_namespace tn ON tn.oid = t.relnamespace
        WHERE {UserSchema} AND {NotExtension("pg_statistic_ext", "s.oid")}
        """;

    private static void ReadConstraints(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var kind = S(r[3]) switch
            {
                "p" => ObjectKind.PrimaryKey,
                "u" => ObjectKind.Unique,
                "f" => ObjectKind.ForeignKey,
                "x" => ObjectKind.Exclusion,
                _ => ObjectKind.Check,
            };
            var table = Name(r[0], r[1]);
            var name = new QualifiedName(S(r[0]), S(r[2]));
            builder.Objects.Add(new SchemaObject(kind, name, S(r[4]))
            {
                Table = table,
                DependsOn = r[6] is null ? Names(r[8]) : [Name(r[5], r[6])],
                Comment = N(r[7]),
                Attached = IndexSettings(table, name, B(r[10]), B(r[9])),
            });
        }
    }

    private static void ReadIndexes(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var table = Name(r[0], r[1]);
            var name = new QualifiedName(S(r[0]), S(r[2]));
            var definition = S(r[3]);
            if (B(r[5]))
            {
                var only = definition.IndexOf(" ON ONLY ", StringComparison.Ordinal);
                definition = only < 0 ? definition : definition[..only] + " ON " + definition[(only + " ON ONLY ".Length)..];
            }

            var statistics = Texts(r[9]).Select(s => s.Split(Separator))
                .Select(p => $"ALTER INDEX {SchemaNames.Quote(name)} ALTER COLUMN {p[0]} SET STATISTICS {p[1]}");
            builder.Objects.Add(new SchemaObject(ObjectKind.Index, name, definition)
            {
                Table = table,
                Comment = N(r[4]),
                DependsOn = Names(r[8]),
                Attached = [.. IndexSettings(table, name, B(r[6]), B(r[7])), .. statistics],
            });
        }
    }

    /// <summary><c>CLUSTER ON</c> and <c>REPLICA IDENTITY USING INDEX</c> of the table when they name this index.</summary>
    private static string[] IndexSettings(QualifiedName table, QualifiedName index, bool clustered, bool replicaIdentity)
    {
        var settings = new List<string>();
        if (clustered)
        {
            settings.Add($"ALTER TABLE {SchemaNames.Quote(table)} CLUSTER ON {SchemaNames.Quote(index.Name)}");
        }

        if (replicaIdentity)
        {
            settings.Add($"ALTER TABLE {SchemaNames.Quote(table)} REPLICA IDENTITY USING INDEX {SchemaNames.Quote(index.Name)}");
        }

        return [.. settings];
    }

    private static void ReadStatistics(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var name = Name(r[0], r[1]);
            builder.Objects.Add(new SchemaObject(ObjectKind.Statistics, name, S(r[4]))
            {
                Table = Name(r[2], r[3]),
                Comment = N(r[6]),
                Attached = r[5] is int target ? [$"ALTER STATISTICS {SchemaNames.Quote(name)} SET STATISTICS {target}"] : [],
            });
        }
    }
}

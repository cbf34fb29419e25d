using System.Globalization;
using Strata.Schema;
using static Strata.PostgreSql.CatalogSql;
using static Strata.PostgreSql.Row;

namespace Strata.PostgreSql;

/// <summary>Enums, domains (with their checks and collation), composite and range types, and sequences.</summary>
internal static class TypeCatalog
{
    public static IEnumerable<CatalogQuery> Queries(int version)
    {
        yield return new CatalogQuery(Types(version), ReadTypes);
        yield return new CatalogQuery(Sequences, ReadSequences);
    }

    private static string Types(int version) => $"""
        SELECT n.nspname, t.typname, t.typtype::text,
               (SELECT string_agg(quote_literal(l.enumlabel), ', ' ORDER BY l.enumsortorder) FROM pg_enum l WHERE l.enumtypid = t.oid),
               format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
               ARRAY(SELECT quote_ident(k.conname) || chr(31) || pg_get_constraintdef(k.oid, true) || chr(31) || coalesce({Comment("k.oid", "pg_constraint")}, '')
                     FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname),
               {Comment("t.oid", "pg_type")},
               CASE WHEN t.typtype = 'd' AND t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN {CollationName("t.typcollation")} END,
               CASE WHEN t.typtype = 'c' THEN (
                   SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                          || CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN ' COLLATE ' || {CollationName("a.attcollation")} ELSE '' END,
                          ', ' ORDER BY a.attnum)
                   FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                   WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END,
               CASE WHEN t.typtype = 'c' THEN ARRAY(
                   SELECT quote_ident(a.attname) || chr(31) || x.description FROM pg_attribute a
                   JOIN pg_description x ON x.objoid = t.typrelid AND x.classoid = 'pg_class'::regclass AND x.objsubid = a.attnum
                   WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) END,
               format_type(rg.rngsubtype, NULL),
               (SELECT quote_ident(opn.nspname) || '.' || quote_ident(opc.opcname) FROM pg_opclass opc JOIN pg_namespace opn ON opn.oid = opc.opcnamespace
                WHERE opc.oid = rg.rngsubopc AND NOT opc.opcdefault),
               CASE WHEN rg.rngcollation <> 0 AND rg.rngcollation <> st.typcollation THEN {CollationName("rg.rngcollation")} END,
               {ProcName("rg.rngcanonical")}, {ProcName("rg.rngsubdiff")},
               {(version >= 140000 ? "(SELECT mn.nspname || chr(31) || mt.typname FROM pg_type mt JOIN pg_namespace mn ON mn.oid = mt.typnamespace WHERE mt.oid = rg.rngmultitypid)" : "NULL::text")},
               {Dependencies("pg_type", "t.oid")},
               CASE WHEN t.typtype = 'c' THEN {Dependencies("pg_class", "t.typrelid")} END,
               ARRAY(SELECT DISTINCT ref.nsp || chr(31) || ref.name FROM pg_constraint k
                     JOIN pg_depend dp ON dp.classid = 'pg_constraint'::regclass AND dp.objid = k.oid AND dp.deptype = 'n'
                     {Referenced("dp")}
                     WHERE k.contypid = t.oid AND {UserReference} AND NOT (dp.refclassid = 'pg_type'::regclass AND dp.refobjid = t.oid))
        FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
        LEFT JOIN pg_range rg ON rg.rngtypid = t.oid
        LEFT JOIN pg_type st ON st.oid = rg.rngsubtype
        LEFT JOIN pg_class tr ON tr.oid = t.typrelid
        WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND tr.relkind = 'c'))
          AND {UserSchema} AND {NotExtension("pg_type", "t.oid")}
        """;

    private static readonly string Sequences = $"""
        SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
               o.nspname, o.relname, o.attname, {Comment("c.oid", "pg_class")}, c.relpersistence = 'u'
        FROM pg_sequence s
        JOIN pg_class c ON c.oid = s.seqrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN LATERAL (
            SELECT tn.nspname, t.relname, a.attname
            FROM pg_depend d
            JOIN pg_class t ON t.oid = d.refobjid
            JOIN pg_namespace tn ON tn.oid = t.relnamespace
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
        ) o ON true
        WHERE {UserSchema} AND {NotExtension("pg_class", "c.oid")}
          AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid AND i.deptype = 'i')
        """;

    private static void ReadTypes(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var name = Name(r[0], r[1]);
            var dependencies = Names(r[18]).Concat(Names(r[19])).Concat(Names(r[20])).Where(d => d != name).Distinct().Order().ToArray();
            var item = S(r[2]) switch
            {
                "e" => new SchemaObject(ObjectKind.Enum, name, N(r[3]) ?? ""),
                "c" => new SchemaObject(ObjectKind.CompositeType, name, N(r[10]) ?? "")
                {
                    Attached = [.. Texts(r[11]).Select(a => a.Split(Separator)).Select(p => $"COMMENT ON COLUMN {SchemaNames.Quote(name)}.{p[0]} IS {SqlText.Literal(p[1])}")],
                },
                "r" => new SchemaObject(ObjectKind.RangeType, name, Range(name, r)),
                _ => Domain(name, r),
            };
            builder.Objects.Add(item with { Comment = N(r[8]), DependsOn = dependencies });
        }
    }

    /// <summary>
    /// <c>base [COLLATE c] [DEFAULT d] [NOT NULL] [CONSTRAINT name CHECK (…)]…</c>; a check that is NOT VALID cannot be
    /// written in CREATE DOMAIN, so it is added after it, like pg_dump does.
    /// </summary>
    private static SchemaObject Domain(QualifiedName name, object?[] r)
    {
        var definition = S(r[4]);
        definition += r[9] is null ? "" : " COLLATE " + S(r[9]);
        definition += r[6] is null ? "" : " DEFAULT " + S(r[6]);
        definition += B(r[5]) ? " NOT NULL" : "";
        var attached = new List<string>();
        var comments = new List<string>();
        foreach (var check in Texts(r[7]).Select(c => c.Split(Separator)))
        {
            if (check[1].EndsWith(" NOT VALID", StringComparison.Ordinal))
            {
                attached.Add($"ALTER DOMAIN {SchemaNames.Quote(name)} ADD CONSTRAINT {check[0]} {check[1]}");
            }
            else
            {
                definition += $" CONSTRAINT {check[0]} {check[1]}";
            }

            if (check[2].Length > 0)
            {
                comments.Add($"COMMENT ON CONSTRAINT {check[0]} ON DOMAIN {SchemaNames.Quote(name)} IS {SqlText.Literal(check[2])}");
            }
        }

        return new SchemaObject(ObjectKind.Domain, name, definition) { Attached = [.. attached, .. comments] };
    }

    /// <summary>The options of <c>CREATE TYPE … AS RANGE (…)</c> that are set, the multirange name only when it is not the default one.</summary>
    private static string Range(QualifiedName name, object?[] r)
    {
        var options = new List<string> { "subtype = " + S(r[12]) };
        AddOption(options, "subtype_opclass", N(r[13]));
        AddOption(options, "collation", N(r[14]));
        AddOption(options, "canonical", N(r[15]));
        AddOption(options, "subtype_diff", N(r[16]));
        if (N(r[17])?.Split(Separator) is [var schema, var multirange] && multirange != DefaultMultirange(name.Name))
        {
            options.Add("multirange_type_name = " + SchemaNames.Quote(new QualifiedName(schema, multirange)));
        }

        return string.Join(", ", options);
    }

    /// <summary>What PostgreSQL names a range's multirange type: <c>range</c> replaced by <c>multirange</c>, else <c>_multirange</c> appended.</summary>
    internal static string DefaultMultirange(string range)
    {
        var at = range.IndexOf("range", StringComparison.Ordinal);
        return at < 0 ? range + "_multirange" : range[..at] + "multirange" + range[(at + "range".Length)..];
    }

    private static void AddOption(List<string> options, string option, string? value)
    {
        if (value is not null)
        {
            options.Add(option + " = " + value);
        }
    }

    private static void ReadSequences(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var name = Name(r[0], r[1]);
            var definition = string.Create(
                CultureInfo.InvariantCulture,
                $"AS {S(r[2])} START WITH {r[3]} INCREMENT BY {r[4]} MINVALUE {r[5]} MAXVALUE {r[6]} CACHE {r[7]} {(B(r[8]) ? "CYCLE" : "NO CYCLE")}");
            builder.Objects.Add(new SchemaObject(ObjectKind.Sequence, name, definition)
            {
                Comment = N(r[12]),
                Attached = B(r[13]) ? [$"ALTER SEQUENCE {SchemaNames.Quote(name)} SET UNLOGGED"] : [],
            });
            if (r[10] is not null)
            {
                var table = Name(r[9], r[10]);
                builder.Objects.Add(new SchemaObject(ObjectKind.SequenceOwner, name, table + "." + S(r[11])) { Table = table, Arguments = S(r[11]) });
            }
        }
    }
}

using Strata.Schema;
using static Strata.PostgreSql.CatalogSql;
using static Strata.PostgreSql.Row;

namespace Strata.PostgreSql;

/// <summary>Schemas, extensions, collations, event triggers and publications.</summary>
internal static class DatabaseCatalog
{
    public static IEnumerable<CatalogQuery> Queries(int version)
    {
        yield return new CatalogQuery(Schemas, (rows, b) => b.Objects.AddRange(rows.Select(r => new SchemaObject(ObjectKind.Schema, new QualifiedName(null, S(r[0])), "") { Comment = N(r[1]) })));
        yield return new CatalogQuery(Extensions, (rows, b) => b.Objects.AddRange(rows.Select(r => new SchemaObject(ObjectKind.Extension, new QualifiedName(null, S(r[0])), S(r[1]))
        {
            DependsOn = [new QualifiedName(null, S(r[1]))],
        })));
        yield return new CatalogQuery(Collations(version), ReadCollations);
        yield return new CatalogQuery(EventTriggers, ReadEventTriggers);
        yield return new CatalogQuery(Publications(version), ReadPublications);
    }

    private static readonly string Schemas = $"""
        SELECT n.nspname, {Comment("n.oid", "pg_namespace")}
        FROM pg_namespace n
        WHERE {UserSchema} AND n.nspname <> 'public' AND {NotExtension("pg_namespace", "n.oid")}
        """;

    private const string Extensions = """
        SELECT x.extname, n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname <> 'plpgsql'
        """;

    private static string Collations(int version) => $"""
        SELECT n.nspname, c.collname, c.collprovider::text, c.collisdeterministic, c.collcollate::text, c.collctype::text,
               {(version >= 170000 ? "c.colllocale" : version >= 150000 ? "c.colliculocale" : "NULL::text")},
               {(version >= 160000 ? "c.collicurules" : "NULL::text")}, {Comment("c.oid", "pg_collation")}
        FROM pg_collation c
        JOIN pg_namespace n ON n.oid = c.collnamespace
        WHERE {UserSchema} AND {NotExtension("pg_collation", "c.oid")}
        """;

    private static readonly string EventTriggers = $"""
        SELECT e.evtname, e.evtevent, e.evtenabled::text, (SELECT string_agg(quote_literal(t), ', ') FROM unnest(e.evttags) t),
               {ProcName("e.evtfoid")}, pn.nspname, p.proname, {Comment("e.oid", "pg_event_trigger")}
        FROM pg_event_trigger e
        JOIN pg_proc p ON p.oid = e.evtfoid
        JOIN pg_namespace pn ON pn.oid = p.pronamespace
        WHERE {NotExtension("pg_event_trigger", "e.oid")}
        """;

    private static string Publications(int version) => $"""
        SELECT p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot, {Comment("p.oid", "pg_publication")},
               ARRAY(SELECT tn.nspname || chr(31) || t.relname || chr(31)
                            || {(version >= 150000 ? "coalesce((SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs)), '') || chr(31) || coalesce(pg_get_expr(pr.prqual, pr.prrelid), '')" : "chr(31)")}
                     FROM pg_publication_rel pr JOIN pg_class t ON t.oid = pr.prrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
                     WHERE pr.prpubid = p.oid ORDER BY 1),
               {(version >= 150000 ? "ARRAY(SELECT s.nspname FROM pg_publication_namespace pn JOIN pg_namespace s ON s.oid = pn.pnnspid WHERE pn.pnpubid = p.oid ORDER BY 1)" : "'{}'::text[]")}
        FROM pg_publication p
        WHERE {NotExtension("pg_publication", "p.oid")}
        """;

    private static void ReadCollations(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var provider = S(r[2]) switch { "i" => "icu", "b" => "builtin", "d" => "default", _ => "libc" };
            var options = new List<string> { "provider = " + provider };
            if (!B(r[3]))
            {
                options.Add("deterministic = false");
            }

            var (collate, ctype, locale) = (N(r[4]), N(r[5]), N(r[6]));
            if (provider == "libc")
            {
                options.Add(collate == ctype ? "locale = " + SqlText.Literal(collate ?? "") : $"lc_collate = {SqlText.Literal(collate ?? "")}, lc_ctype = {SqlText.Literal(ctype ?? "")}");
            }
            else
            {
                options.Add("locale = " + SqlText.Literal(locale ?? collate ?? ""));
            }

            if (N(r[7]) is { } rules)
            {
                options.Add("rules = " + SqlText.Literal(rules));
            }

            builder.Objects.Add(new SchemaObject(ObjectKind.Collation, Name(r[0], r[1]), string.Join(", ", options)) { Comment = N(r[8]) });
        }
    }

    private static void ReadEventTriggers(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var name = SchemaNames.Quote(S(r[0]));
            var tags = r[3] is null ? "" : $" WHEN TAG IN ({S(r[3])})";
            builder.Objects.Add(new SchemaObject(ObjectKind.EventTrigger, new QualifiedName(null, S(r[0])), $"CREATE EVENT TRIGGER {name} ON {S(r[1])}{tags} EXECUTE FUNCTION {S(r[4])}()")
            {
                DependsOn = [Name(r[5], r[6])],
                Comment = N(r[7]),
                Attached = RelationCatalog.Enabled(S(r[2])) is { } state ? [$"ALTER EVENT TRIGGER {name} {state}"] : [],
            });
        }
    }

    private static void ReadPublications(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var name = SchemaNames.Quote(S(r[0]));
            var publish = new[] { (2, "insert"), (3, "update"), (4, "delete"), (5, "truncate") }.Where(p => B(r[p.Item1])).Select(p => p.Item2);
            var definition = $"CREATE PUBLICATION {name}{(B(r[1]) ? " FOR ALL TABLES" : "")} WITH (publish = '{string.Join(", ", publish)}'{(B(r[6]) ? ", publish_via_partition_root = true" : "")})";
            var tables = Texts(r[8]).Select(t => t.Split(Separator)).ToList();
            var schemas = Texts(r[9]);
            var attached = tables.Select(t => $"ALTER PUBLICATION {name} ADD TABLE ONLY {SchemaNames.Quote(new QualifiedName(t[0], t[1]))}"
                    + (t.Length > 2 && t[2].Length > 0 ? $" ({t[2]})" : "") + (t.Length > 3 && t[3].Length > 0 ? $" WHERE ({t[3]})" : ""))
                .Concat(schemas.Select(s => $"ALTER PUBLICATION {name} ADD TABLES IN SCHEMA {SchemaNames.Quote(s)}"));
            builder.Objects.Add(new SchemaObject(ObjectKind.Publication, new QualifiedName(null, S(r[0])), definition)
            {
                Comment = N(r[7]),
                Attached = [.. attached],
                DependsOn = [.. tables.Select(t => new QualifiedName(t[0], t[1])), .. schemas.Select(s => new QualifiedName(null, s))],
            });
        }
    }
}

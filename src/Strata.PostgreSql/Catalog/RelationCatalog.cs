using Strata.Schema;
using static Strata.PostgreSql.CatalogSql;
using static Strata.PostgreSql.Row;

namespace Strata.PostgreSql;

/// <summary>Views and materialized views, and what hangs on relations: triggers, rules and row-level security policies.</summary>
internal static class RelationCatalog
{
    public static IEnumerable<CatalogQuery> Queries()
    {
        yield return new CatalogQuery(Views, ReadViews);
        yield return new CatalogQuery(Triggers, ReadTriggers);
        yield return new CatalogQuery(Rules, ReadRules);
        yield return new CatalogQuery(Policies, ReadPolicies);
    }

    /// <summary>What the rules of relation <paramref name="relation"/> (a view's select rule, or the rule <paramref name="rule"/>) refer to, the relation itself left out.</summary>
    private static string RuleDependencies(string relation, string? rule) => $"""
        ARRAY(SELECT DISTINCT ref.nsp || chr(31) || ref.name FROM pg_rewrite w
              JOIN pg_depend dp ON dp.classid = 'pg_rewrite'::regclass AND dp.objid = w.oid AND dp.deptype = 'n'
              {Referenced("dp")}
              WHERE {(rule is null ? "w.ev_class = " + relation : "w.oid = " + rule)} AND {UserReference}
                AND NOT (dp.refclassid = 'pg_class'::regclass AND dp.refobjid = {relation}))
        """;

    private static readonly string Views = $"""
        SELECT n.nspname, c.relname, c.relkind::text, pg_get_viewdef(c.oid, true), {Comment("c.oid", "pg_class")},
               {RuleDependencies("c.oid", null)}, c.reloptions,
               ARRAY(SELECT quote_ident(a.attname) || chr(31) || x.description FROM pg_attribute a
                     JOIN pg_description x ON x.objoid = c.oid AND x.classoid = 'pg_class'::regclass AND x.objsubid = a.attnum
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('v', 'm') AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
        """;

    private static readonly string Triggers = $"""
        SELECT n.nspname, c.relname, g.tgname, pg_get_triggerdef(g.oid, true), pn.nspname, p.proname, {Comment("g.oid", "pg_trigger")}, g.tgenabled::text
        FROM pg_trigger g
        JOIN pg_class c ON c.oid = g.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_proc p ON p.oid = g.tgfoid
        JOIN pg_namespace pn ON pn.oid = p.pronamespace
        WHERE NOT g.tgisinternal AND g.tgparentid = 0 AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
        """;

    private static readonly string Rules = $"""
        SELECT n.nspname, c.relname, r.rulename, pg_get_ruledef(r.oid, true), r.ev_enabled::text, {Comment("r.oid", "pg_rewrite")},
               {RuleDependencies("c.oid", "r.oid")}
        FROM pg_rewrite r
        JOIN pg_class c ON c.oid = r.ev_class
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE r.rulename <> '_RETURN' AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
        """;

    private static readonly string Policies = $"""
        SELECT n.nspname, c.relname, pol.polname, pol.polpermissive, pol.polcmd::text,
               CASE WHEN pol.polroles = ARRAY[0::oid] THEN 'PUBLIC'
                    ELSE (SELECT string_agg(quote_ident(r.rolname), ', ' ORDER BY r.rolname) FROM pg_roles r WHERE r.oid = ANY (pol.polroles)) END,
               pg_get_expr(pol.polqual, pol.polrelid), pg_get_expr(pol.polwithcheck, pol.polrelid), {Comment("pol.oid", "pg_policy")},
               {Dependencies("pg_policy", "pol.oid")}
        FROM pg_policy pol
        JOIN pg_class c ON c.oid = pol.polrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE {UserSchema}
        """;

    private static void ReadViews(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var name = Name(r[0], r[1]);
            var materialized = S(r[2]) == "m";
            var attached = new List<string>();
            if (TableCatalog.StorageParameters(Texts(r[6]), []) is { } options)
            {
                attached.Add($"ALTER {(materialized ? "MATERIALIZED VIEW" : "VIEW")} {SchemaNames.Quote(name)} SET ({options})");
            }

            attached.AddRange(Texts(r[7]).Select(c => c.Split(Separator)).Select(p => $"COMMENT ON COLUMN {SchemaNames.Quote(name)}.{p[0]} IS {SqlText.Literal(p[1])}"));
            builder.Objects.Add(new SchemaObject(materialized ? ObjectKind.MaterializedView : ObjectKind.View, name, S(r[3]).Trim().TrimEnd(';'))
            {
                Comment = N(r[4]),
                DependsOn = Names(r[5]),
                Attached = attached,
            });
        }
    }

    private static void ReadTriggers(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var table = Name(r[0], r[1]);
            builder.Objects.Add(new SchemaObject(ObjectKind.Trigger, new QualifiedName(S(r[0]), S(r[2])), S(r[3]))
            {
                Table = table,
                DependsOn = [Name(r[4], r[5])],
                Comment = N(r[6]),
                Attached = Enabled(S(r[7])) is { } state ? [$"ALTER TABLE {SchemaNames.Quote(table)} {state} TRIGGER {SchemaNames.Quote(S(r[2]))}"] : [],
            });
        }
    }

    private static void ReadRules(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var table = Name(r[0], r[1]);
            builder.Objects.Add(new SchemaObject(ObjectKind.Rule, new QualifiedName(S(r[0]), S(r[2])), S(r[3]).Trim().TrimEnd(';'))
            {
                Table = table,
                Comment = N(r[5]),
                DependsOn = Names(r[6]),
                Attached = Enabled(S(r[4])) is { } state ? [$"ALTER TABLE {SchemaNames.Quote(table)} {state} RULE {SchemaNames.Quote(S(r[2]))}"] : [],
            });
        }
    }

    /// <summary>The <c>ALTER TABLE</c> word for a trigger's or rule's firing state other than the default (<c>O</c>).</summary>
    internal static string? Enabled(string state) => state switch
    {
        "D" => "DISABLE",
        "R" => "ENABLE REPLICA",
        "A" => "ENABLE ALWAYS",
        _ => null,
    };

    private static void ReadPolicies(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var command = S(r[4]) switch { "r" => "SELECT", "a" => "INSERT", "w" => "UPDATE", "d" => "DELETE", _ => "ALL" };
            var definition = $"AS {(B(r[3]) ? "PERMISSIVE" : "RESTRICTIVE")} FOR {command} TO {N(r[5]) ?? "PUBLIC"}";
            definition += r[6] is null ? "" : " USING (" + S(r[6]) + ")";
            definition += r[7] is null ? "" : " WITH CHECK (" + S(r[7]) + ")";
            builder.Objects.Add(new SchemaObject(ObjectKind.Policy, new QualifiedName(S(r[0]), S(r[2])), definition)
            {
                Table = Name(r[0], r[1]),
                Comment = N(r[8]),
                DependsOn = Names(r[9]),
            });
        }
    }
}

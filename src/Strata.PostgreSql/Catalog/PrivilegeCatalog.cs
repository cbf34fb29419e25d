using Strata.Schema;
using static Strata.PostgreSql.CatalogSql;
using static Strata.PostgreSql.Row;

namespace Strata.PostgreSql;

/// <summary>
/// Privileges that differ from an object's defaults (its initial privileges for objects initdb made, such as the
/// <c>public</c> schema; else <c>acldefault</c>, and for a <c>public</c> schema made again without initial privileges,
/// as Strata's wipe of a scratch or dev database does, also <c>USAGE</c> for everyone): on tables, views, sequences, columns, schemas, routines and types,
/// one row per object and grantee; and default privileges (<c>ALTER DEFAULT PRIVILEGES</c>).
/// </summary>
internal static class PrivilegeCatalog
{
    public static IEnumerable<CatalogQuery> Queries()
    {
        yield return new CatalogQuery(Grants, ReadGrants);
        yield return new CatalogQuery(DefaultPrivileges, ReadDefaultPrivileges);
    }

    /// <summary>Per grantee of <c>o.acl</c> against <c>o.base</c>: the privileges (<c>*</c> marks a grant option) on both sides, where they differ.</summary>
    private const string PerGrantee = """
        CROSS JOIN LATERAL (
            SELECT x.grantee, min(x.position) AS position,
                   string_agg(DISTINCT x.privilege_type || CASE WHEN x.is_grantable THEN '*' ELSE '' END, ', ' ORDER BY x.privilege_type || CASE WHEN x.is_grantable THEN '*' ELSE '' END) FILTER (WHERE x.side = 'a') AS actual,
                   string_agg(DISTINCT x.privilege_type || CASE WHEN x.is_grantable THEN '*' ELSE '' END, ', ' ORDER BY x.privilege_type || CASE WHEN x.is_grantable THEN '*' ELSE '' END) FILTER (WHERE x.side = 'b') AS baseline
            FROM (SELECT 'a' AS side, e.grantee, e.privilege_type, e.is_grantable, e.position
                  FROM aclexplode(CASE WHEN cardinality(o.acl) > 0 THEN o.acl END) WITH ORDINALITY e (grantor, grantee, privilege_type, is_grantable, position)
                  UNION ALL
                  SELECT 'b', e.grantee, e.privilege_type, e.is_grantable, 1000000
                  FROM aclexplode(CASE WHEN cardinality(o.base) > 0 THEN o.base END) e) x
            GROUP BY x.grantee
        ) g
        LEFT JOIN pg_roles gr ON gr.oid = g.grantee
        WHERE g.actual IS DISTINCT FROM g.baseline
        """;

    private const string EmptyAcl = "'{}'::aclitem[]";

    private static string Initial(string catalog, string oid, string column = "0") =>
        $"(SELECT ip.initprivs FROM pg_init_privs ip WHERE ip.objoid = {oid} AND ip.classoid = '{catalog}'::regclass AND ip.objsubid = {column})";

    private static readonly string Grants = $"""
        WITH o AS (
            SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, n.nspname AS nsp, c.relname AS name, NULL::text AS extra,
                   c.relacl AS acl, coalesce({Initial("pg_class", "c.oid")}, acldefault((CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END)::"char", c.relowner)) AS base
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relacl IS NOT NULL AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
            UNION ALL
            SELECT 'COLUMN ' || quote_ident(a.attname), n.nspname, c.relname, NULL, a.attacl, coalesce({Initial("pg_class", "c.oid", "a.attnum")}, {EmptyAcl})
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm')
              AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
            UNION ALL
            SELECT 'SCHEMA', NULL, n.nspname, NULL, n.nspacl, coalesce({Initial("pg_namespace", "n.oid")}, acldefault('n', n.nspowner)
                   || CASE WHEN n.nspname = 'public' THEN ARRAY[makeaclitem(0, n.nspowner, 'USAGE', false)] ELSE {EmptyAcl} END)
            FROM pg_namespace n WHERE n.nspacl IS NOT NULL AND {UserSchema} AND {NotExtension("pg_namespace", "n.oid")}
            UNION ALL
            SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END || pg_get_function_identity_arguments(p.oid), n.nspname, p.proname, NULL,
                   p.proacl, coalesce({Initial("pg_proc", "p.oid")}, acldefault('f', p.proowner))
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.proacl IS NOT NULL AND {UserSchema} AND {NotExtension("pg_proc", "p.oid")}
            UNION ALL
            SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, n.nspname, t.typname, NULL, t.typacl,
                   coalesce({Initial("pg_type", "t.oid")}, acldefault('T', t.typowner))
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_class tr ON tr.oid = t.typrelid
            WHERE t.typacl IS NOT NULL AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND tr.relkind = 'c'))
              AND {UserSchema} AND {NotExtension("pg_type", "t.oid")}
        )
        SELECT o.kind, o.nsp, o.name, CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(gr.rolname) END, g.actual, g.baseline, g.position::int
        FROM o
        {PerGrantee}
        """;

    private static readonly string DefaultPrivileges = $"""
        WITH o AS (
            SELECT quote_ident(r.rolname) AS role, n.nspname AS nsp, d.defaclobjtype::text AS kind, d.defaclacl AS acl,
                   CASE WHEN d.defaclnamespace = 0
                        THEN acldefault((CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END)::"char", d.defaclrole)
                        ELSE {EmptyAcl} END AS base
            FROM pg_default_acl d
            JOIN pg_roles r ON r.oid = d.defaclrole
            LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
        )
        SELECT o.role, o.nsp, o.kind, CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(gr.rolname) END, g.actual, g.baseline
        FROM o
        {PerGrantee}
        """;

    private static void ReadGrants(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var target = Name(r[1], r[2]);
            builder.Objects.Add(new SchemaObject(ObjectKind.Grant, new QualifiedName(null, S(r[3])), Privileges.Definition(N(r[4]), N(r[5])))
            {
                Table = target,
                Arguments = S(r[0]),
                Position = r[6] is int position ? Math.Min(position, 999999) : 0,
            });
        }
    }

    private static void ReadDefaultPrivileges(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var objects = S(r[2]) switch { "r" => "TABLES", "S" => "SEQUENCES", "f" => "FUNCTIONS", "T" => "TYPES", _ => "SCHEMAS" };
            var schema = N(r[1]);
            builder.Objects.Add(new SchemaObject(ObjectKind.DefaultPrivileges, new QualifiedName(schema, S(r[3])), Privileges.Definition(N(r[4]), N(r[5])))
            {
                Arguments = $"FOR ROLE {S(r[0])} ON {objects}",
                DependsOn = schema is null ? [] : [new QualifiedName(null, schema)],
            });
        }
    }
}

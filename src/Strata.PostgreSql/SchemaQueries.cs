namespace Strata.PostgreSql;

/// <summary>
/// The catalog queries of <see cref="PostgreSqlSchemaIntrospector"/>: one per kind of object, all sent in one batch,
/// each set-based (no query per table). System schemas and objects that belong to an extension are left out.
/// </summary>
internal static class SchemaQueries
{
    private const string UserSchema = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";

    private static string NotExtension(string catalog, string oid) =>
        $"NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '{catalog}'::regclass AND e.objid = {oid} AND e.deptype = 'e')";

    /// <summary>A comment lookup by index, much faster per row than <c>obj_description</c>/<c>col_description</c>.</summary>
    private static string Comment(string oid, string catalog, string column = "0") =>
        $"(SELECT x.description FROM pg_description x WHERE x.objoid = {oid} AND x.classoid = '{catalog}'::regclass AND x.objsubid = {column})";

    public static readonly string Schemas = $"""
        SELECT n.nspname, {Comment("n.oid", "pg_namespace")}
        FROM pg_namespace n
        WHERE {UserSchema} AND n.nspname <> 'public' AND {NotExtension("pg_namespace", "n.oid")}
        """;

    public const string Extensions = """
        SELECT x.extname, n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname <> 'plpgsql'
        """;

    public static readonly string Columns = $"""
        SELECT n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity, {Comment("c.oid", "pg_class")},
               a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
               a.attidentity::text, a.attgenerated::text,
               CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN quote_ident(co.collname) END,
               {Comment("c.oid", "pg_class", "a.attnum")},
               CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        LEFT JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    public static readonly string Constraints = $"""
        SELECT n.nspname, c.relname, k.conname, k.contype::text, pg_get_constraintdef(k.oid, true),
               rn.nspname, r.relname, {Comment("k.oid", "pg_constraint")}
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class r ON r.oid = k.confrelid
        LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
        WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
        """;

    public static readonly string Indexes = $"""
        SELECT n.nspname, t.relname, ic.relname, pg_get_indexdef(i.indexrelid), {Comment("i.indexrelid", "pg_class")}
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE t.relkind IN ('r', 'p', 'm') AND NOT t.relispartition AND {UserSchema} AND {NotExtension("pg_class", "t.oid")}
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
        """;

    public static readonly string Types = $"""
        SELECT n.nspname, t.typname, t.typtype::text,
               (SELECT string_agg(quote_literal(l.enumlabel), ', ' ORDER BY l.enumsortorder) FROM pg_enum l WHERE l.enumtypid = t.oid),
               format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
               -- PostgreSQL 17+ also lists a domain's NOT NULL here (contype 'n'); typnotnull already renders it.
               (SELECT string_agg('CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid, true), ' ' ORDER BY k.conname)
                FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype <> 'n'),
               {Comment("t.oid", "pg_type")}
        FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype IN ('e', 'd') AND {UserSchema} AND {NotExtension("pg_type", "t.oid")}
        """;

    public static readonly string Sequences = $"""
        SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
               o.nspname, o.relname, o.attname, {Comment("c.oid", "pg_class")}
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

    public static readonly string Views = $"""
        SELECT n.nspname, c.relname, c.relkind::text, pg_get_viewdef(c.oid, true), {Comment("c.oid", "pg_class")},
               ARRAY(SELECT DISTINCT rn.nspname || chr(31) || r.relname
                     FROM pg_rewrite w JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid AND d.refclassid = 'pg_class'::regclass
                     JOIN pg_class r ON r.oid = d.refobjid JOIN pg_namespace rn ON rn.oid = r.relnamespace
                     WHERE w.ev_class = c.oid AND r.oid <> c.oid
                     UNION
                     SELECT DISTINCT pn.nspname || chr(31) || p.proname
                     FROM pg_rewrite w JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid AND d.refclassid = 'pg_proc'::regclass
                     JOIN pg_proc p ON p.oid = d.refobjid JOIN pg_namespace pn ON pn.oid = p.pronamespace
                     WHERE w.ev_class = c.oid AND pn.nspname NOT IN ('pg_catalog', 'information_schema'))
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('v', 'm') AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
        """;

    public static readonly string Functions = $"""
        SELECT n.nspname, p.proname, p.prokind::text, pg_get_function_identity_arguments(p.oid), pg_get_functiondef(p.oid),
               {Comment("p.oid", "pg_proc")},
               ARRAY(SELECT DISTINCT rn.nspname || chr(31) || r.relname
                     FROM pg_depend d JOIN pg_type ty ON ty.oid = d.refobjid AND d.refclassid = 'pg_type'::regclass
                     JOIN pg_class r ON r.oid = ty.typrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
                     WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid)
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prokind IN ('f', 'p') AND {UserSchema} AND {NotExtension("pg_proc", "p.oid")}
        """;

    public static readonly string Triggers = $"""
        SELECT n.nspname, c.relname, g.tgname, pg_get_triggerdef(g.oid, true), pn.nspname, p.proname, {Comment("g.oid", "pg_trigger")}
        FROM pg_trigger g
        JOIN pg_class c ON c.oid = g.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_proc p ON p.oid = g.tgfoid
        JOIN pg_namespace pn ON pn.oid = p.pronamespace
        WHERE NOT g.tgisinternal AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
        """;

    public static readonly string Policies = $"""
        SELECT n.nspname, c.relname, pol.polname, pol.polpermissive, pol.polcmd::text,
               CASE WHEN pol.polroles = ARRAY[0::oid] THEN 'PUBLIC'
                    ELSE (SELECT string_agg(quote_ident(r.rolname), ', ' ORDER BY r.rolname) FROM pg_roles r WHERE r.oid = ANY (pol.polroles)) END,
               pg_get_expr(pol.polqual, pol.polrelid), pg_get_expr(pol.polwithcheck, pol.polrelid)
        FROM pg_policy pol
        JOIN pg_class c ON c.oid = pol.polrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE {UserSchema}
        """;

    public static readonly string Grants = $"""
        SELECT n.nspname, c.relname, CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END,
               string_agg(g.privilege_type, ', ' ORDER BY g.privilege_type), bool_or(g.is_grantable)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL aclexplode(c.relacl) g
        LEFT JOIN pg_roles r ON r.oid = g.grantee
        WHERE c.relkind IN ('r', 'p', 'v', 'm') AND c.relacl IS NOT NULL AND g.grantee <> c.relowner
          AND {UserSchema} AND {NotExtension("pg_class", "c.oid")}
        GROUP BY 1, 2, 3
        """;

    /// <summary>Every query, in the order the introspector reads the results.</summary>
    public static IReadOnlyList<string> All =>
        [Schemas, Extensions, Columns, Constraints, Indexes, Types, Sequences, Views, Functions, Triggers, Policies, Grants];
}

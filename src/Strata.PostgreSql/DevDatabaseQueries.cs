namespace Strata.PostgreSql;

/// <summary>The catalog query behind <see cref="PostgreSqlDevDatabase"/>'s emptiness check.</summary>
internal static class DevDatabaseQueries
{
    /// <summary>
    /// Up to six user objects, as "kind name": schemas other than an empty <c>public</c>, relations, functions, user
    /// types and extensions other than plpgsql. Objects that belong to an extension count only as the extension.
    /// </summary>
    public const string UserObjects = """
        WITH user_namespace AS (
            SELECT oid, nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
        ), extension_member AS (
            SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
        )
        SELECT what FROM (
            SELECT 1 AS rank, 'schema ' || quote_ident(nspname) AS what FROM user_namespace WHERE nspname <> 'public'
            UNION ALL
            SELECT 2, CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' WHEN 'S' THEN 'sequence '
                                     WHEN 'i' THEN 'index ' WHEN 'I' THEN 'index ' WHEN 'f' THEN 'foreign table ' ELSE 'table ' END
                      || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
            FROM pg_class c JOIN user_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
              AND NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid)
            UNION ALL
            SELECT 3, 'function ' || p.oid::regprocedure::text
            FROM pg_proc p JOIN user_namespace n ON n.oid = p.pronamespace
            WHERE NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid)
            UNION ALL
            SELECT 4, 'type ' || format_type(t.oid, NULL)
            FROM pg_type t JOIN user_namespace n ON n.oid = t.typnamespace
            WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
              AND NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid)
            UNION ALL
            SELECT 5, 'extension ' || quote_ident(extname) FROM pg_extension WHERE extname <> 'plpgsql'
        ) objects
        ORDER BY rank, what
        LIMIT 6
        """;
}

using Strata.Schema;
using static Strata.PostgreSql.CatalogSql;
using static Strata.PostgreSql.Row;

namespace Strata.PostgreSql;

/// <summary>
/// What pg_dump would write that the engine does not model: listed as "not managed: kind name" by pull, diff and
/// generate, never left out silently. Members of extensions are left out (the extension brings them).
/// </summary>
internal static class UnmanagedCatalog
{
    public static IEnumerable<CatalogQuery> Queries()
    {
        yield return new CatalogQuery(Unmanaged, (rows, b) => b.Unmanaged.AddRange(rows.Select(r => new UnmanagedObject(S(r[0]), Name(r[1], r[2])))));
    }

    private static string InSchema(string kind, string catalog, string alias, string nameColumn, string schemaColumn, string extra = "") => $"""
        SELECT '{kind}', n.nspname, {alias}.{nameColumn}::text FROM {catalog} {alias} JOIN pg_namespace n ON n.oid = {alias}.{schemaColumn}
        WHERE {UserSchema} AND {NotExtension(catalog, alias + ".oid")} AND {NotInternal(catalog, alias + ".oid")}{extra}
        """;

    /// <summary>Not made by PostgreSQL along with another object (an operator class's family).</summary>
    private static string NotInternal(string catalog, string oid) =>
        $"NOT EXISTS (SELECT 1 FROM pg_depend xi WHERE xi.classid = '{catalog}'::regclass AND xi.objid = {oid} AND xi.deptype = 'i')";

    private static string Global(string kind, string catalog, string alias, string name, string extra = "") => $"""
        SELECT '{kind}', NULL, {name} FROM {catalog} {alias}
        WHERE {alias}.oid >= 16384 AND {NotExtension(catalog, alias + ".oid")} AND {NotInternal(catalog, alias + ".oid")}{extra}
        """;

    private static readonly string Unmanaged = string.Join("\nUNION ALL\n", new[]
    {
        InSchema("conversion", "pg_conversion", "v", "conname", "connamespace"),
        InSchema("text search configuration", "pg_ts_config", "s", "cfgname", "cfgnamespace"),
        InSchema("text search dictionary", "pg_ts_dict", "s", "dictname", "dictnamespace"),
        InSchema("text search parser", "pg_ts_parser", "s", "prsname", "prsnamespace"),
        InSchema("text search template", "pg_ts_template", "s", "tmplname", "tmplnamespace"),
        InSchema("operator class", "pg_opclass", "s", "opcname", "opcnamespace"),
        InSchema("operator family", "pg_opfamily", "s", "opfname", "opfnamespace"),
        InSchema("foreign table", "pg_class", "c", "relname", "relnamespace", " AND c.relkind = 'f'"),
        InSchema("typed table", "pg_class", "c", "relname", "relnamespace", " AND c.relkind IN ('r', 'p') AND c.reloftype <> 0"),
        InSchema("tablespace of", "pg_class", "c", "relname", "relnamespace", " AND c.relkind IN ('r', 'p', 'm', 'i') AND c.reltablespace <> 0"),
        InSchema("table access method of", "pg_class", "c", "relname", "relnamespace",
            " AND c.relkind IN ('r', 'm') AND c.relam <> 0 AND c.relam <> (SELECT a.oid FROM pg_am a WHERE a.amname = 'heap')"),
        InSchema("type", "pg_type", "t", "typname", "typnamespace", " AND t.typtype = 'b' AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)"),
        InSchema("shell type", "pg_type", "t", "typname", "typnamespace", " AND t.typtype = 'p'"),
        Global("foreign-data wrapper", "pg_foreign_data_wrapper", "w", "w.fdwname::text"),
        Global("server", "pg_foreign_server", "s", "s.srvname::text"),
        Global("access method", "pg_am", "a", "a.amname::text"),
        Global("language", "pg_language", "l", "l.lanname::text"),
        Global("transform", "pg_transform", "t", "'for ' || format_type(t.trftype, NULL) || ' language ' || (SELECT l.lanname FROM pg_language l WHERE l.oid = t.trflang)"),
        """
        SELECT 'user mapping', NULL, 'for ' || m.usename || ' server ' || m.srvname FROM pg_user_mappings m
        """,
        """
        SELECT 'subscription', NULL, s.subname::text FROM pg_subscription s WHERE s.subdbid = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
        """,
    });
}

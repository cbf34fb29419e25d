namespace Strata.PostgreSql;

/// <summary>SQL fragments shared by the catalog queries: which schemas are the user's, extension members, comments, dependencies.</summary>
internal static class CatalogSql
{
    /// <summary>The unit separator the queries put between a schema and a name in arrays.</summary>
    public const char Separator = '\u001f';

    /// <summary>Schemas of the user (alias <c>n</c>): not the system ones.</summary>
    public const string UserSchema = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";

    /// <summary>Not a member of an extension (those come with <c>CREATE EXTENSION</c>).</summary>
    public static string NotExtension(string catalog, string oid) =>
        $"NOT EXISTS (SELECT 1 FROM pg_depend xd WHERE xd.classid = '{catalog}'::regclass AND xd.objid = {oid} AND xd.deptype = 'e')";

    /// <summary>A comment lookup by index, much faster per row than <c>obj_description</c>/<c>col_description</c>.</summary>
    public static string Comment(string oid, string catalog, string column = "0") =>
        $"(SELECT x.description FROM pg_description x WHERE x.objoid = {oid} AND x.classoid = '{catalog}'::regclass AND x.objsubid = {column})";

    /// <summary>A function's name as DDL refers to it: unqualified in pg_catalog, else <c>schema.name</c>; null for oid 0.</summary>
    public static string ProcName(string oid) =>
        $"(SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(f.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.proname) END "
        + $"FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = {oid})";

    /// <summary>A collation's name as DDL refers to it: unqualified in pg_catalog, else <c>schema.name</c>.</summary>
    public static string CollationName(string oid) =>
        $"(SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(cl.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(cl.collname) END "
        + $"FROM pg_collation cl JOIN pg_namespace cn ON cn.oid = cl.collnamespace WHERE cl.oid = {oid})";

    /// <summary>
    /// The schema and name of what a <c>pg_depend</c> row (alias <paramref name="depend"/>) refers to, as columns
    /// <c>nsp</c> and <c>name</c>: a relation, a type (an array type as its element), a function or a collation.
    /// </summary>
    public static string Referenced(string depend) => $"""
        CROSS JOIN LATERAL (
            SELECT rn.nspname AS nsp, r.relname AS name FROM pg_class r JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE {depend}.refclassid = 'pg_class'::regclass AND r.oid = {depend}.refobjid
            UNION ALL
            SELECT tn.nspname, coalesce(el.typname, ty.typname) FROM pg_type ty JOIN pg_namespace tn ON tn.oid = ty.typnamespace
            LEFT JOIN pg_type el ON el.oid = ty.typelem AND el.typarray = ty.oid
            WHERE {depend}.refclassid = 'pg_type'::regclass AND ty.oid = {depend}.refobjid
            UNION ALL
            SELECT pn.nspname, p.proname FROM pg_proc p JOIN pg_namespace pn ON pn.oid = p.pronamespace
            WHERE {depend}.refclassid = 'pg_proc'::regclass AND p.oid = {depend}.refobjid
            UNION ALL
            SELECT cn.nspname, co.collname FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
            WHERE {depend}.refclassid = 'pg_collation'::regclass AND co.oid = {depend}.refobjid
        ) ref
        """;

    /// <summary>What the referenced object is not: a system one.</summary>
    public const string UserReference = "ref.nsp NOT IN ('pg_catalog', 'information_schema') AND ref.nsp NOT LIKE 'pg\\_%'";

    /// <summary>
    /// An array of <c>schema␟name</c> of the user objects the object (<paramref name="catalog"/>, <paramref name="oid"/>)
    /// depends on (normal dependencies), itself left out.
    /// </summary>
    public static string Dependencies(string catalog, string oid) => $"""
        ARRAY(SELECT DISTINCT ref.nsp || chr(31) || ref.name FROM pg_depend dp {Referenced("dp")}
              WHERE dp.classid = '{catalog}'::regclass AND dp.objid = {oid} AND dp.deptype = 'n' AND {UserReference}
                AND NOT (dp.refclassid = dp.classid AND dp.refobjid = dp.objid))
        """;

    /// <summary>The server version number (<c>server_version_num</c>) from Npgsql's parsed version.</summary>
    public static int VersionNumber(Version version) => version is null ? 130000 : version.Major * 10000 + Math.Max(version.Minor, 0);
}

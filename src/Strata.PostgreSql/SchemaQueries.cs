namespace Strata.PostgreSql;

/// <summary>
/// The catalog queries of <see cref="PostgreSqlSchemaIntrospector"/>, all sent in one batch, each set-based (no query
/// per table), written for PostgreSQL 13 to 18 (columns that only some versions have are chosen by
/// <c>server_version_num</c>). System schemas and objects that belong to an extension are left out.
/// </summary>
internal static class SchemaQueries
{
    /// <summary>Every query for a server of <paramref name="version"/> (<c>server_version_num</c>), with its reader.</summary>
    public static IReadOnlyList<CatalogQuery> For(int version) =>
    [
        .. DatabaseCatalog.Queries(version),
        .. TableCatalog.Queries(version),
        .. ConstraintCatalog.Queries(version),
        .. TypeCatalog.Queries(version),
        .. RoutineCatalog.Queries(),
        .. CastCatalog.Queries(),
        .. RelationCatalog.Queries(),
        .. PrivilegeCatalog.Queries(),
        .. UnmanagedCatalog.Queries(),
        new CatalogQuery(RelationColumns.Query, (rows, builder) => builder.RelationColumns = rows),
    ];
}

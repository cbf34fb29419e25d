namespace Strata.PostgreSql;

/// <summary>One set-based catalog query of the introspection batch and what to do with its rows.</summary>
/// <param name="Sql">The query.</param>
/// <param name="Read">Adds the rows' objects to the builder.</param>
internal sealed record CatalogQuery(string Sql, Action<IReadOnlyList<object?[]>, SchemaBuilder> Read);

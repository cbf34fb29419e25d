namespace Strata.Schema;

/// <summary>
/// A dialect that offers the schema side beside migrations (<c>PostgreSqlDialect</c>, <c>SqliteDialect</c>): its
/// <see cref="SchemaRoles"/> for the database it was created for. <see cref="SchemaWorkspace"/> works through it.
/// </summary>
public interface ISchemaDialect
{
    /// <summary>The schema roles for this dialect's database; a role the dialect lacks is null there.</summary>
    SchemaRoles SchemaRoles { get; }
}

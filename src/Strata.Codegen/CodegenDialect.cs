namespace Strata.Codegen;

/// <summary>Which engine the schema comes from: it decides how column types are read and mapped.</summary>
public enum CodegenDialect
{
    /// <summary>PostgreSQL: types as <c>format_type</c> prints them, mapped like Npgsql and node-postgres.</summary>
    PostgreSql,

    /// <summary>SQLite: declared column types, mapped by name and type affinity.</summary>
    Sqlite,
}

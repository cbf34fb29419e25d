namespace Strata.Codegen.Model;

/// <summary>One column (or composite type attribute) as code generation sees it.</summary>
/// <param name="Name">The database name.</param>
/// <param name="DbType">The type text as the engine prints it (PostgreSQL <c>format_type</c>, SQLite's declared type).</param>
/// <param name="Nullable">True when the column may hold NULL.</param>
internal sealed record ColumnModel(string Name, string DbType, bool Nullable)
{
    /// <summary>The column has a default, is an identity BY DEFAULT or a SQLite rowid alias: an insert may leave it out.</summary>
    public bool HasDefault { get; init; }

    /// <summary>An identity ALWAYS or generated column: an insert must leave it out.</summary>
    public bool GeneratedAlways { get; init; }

    /// <summary>The column comment, or null.</summary>
    public string? Comment { get; init; }
}

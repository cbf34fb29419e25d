namespace Strata.Studio;

/// <summary>The schema view: every table's structure (read from the catalog, no data) and the diagram as Mermaid text.</summary>
internal sealed record SchemaJson(IReadOnlyList<TableSchemaJson> Tables, string Mermaid);

/// <summary>One table or view: columns, indexes, constraints, foreign keys, triggers and its comment.</summary>
internal sealed record TableSchemaJson(string Schema, string Name, string Kind, string? Comment)
{
    public List<ColumnSchemaJson> Columns { get; } = [];

    public List<NamedDefinitionJson> Indexes { get; } = [];

    public List<NamedDefinitionJson> Constraints { get; } = [];

    public List<ForeignKeyJson> ForeignKeys { get; } = [];

    public List<NamedDefinitionJson> Triggers { get; } = [];

    /// <summary>SQLite: the CREATE statement as stored (its CHECKs and other constraints are only there).</summary>
    public string? Definition { get; set; }
}

/// <summary>A column: type, nullability, default, primary-key membership, comment.</summary>
internal sealed record ColumnSchemaJson(string Name, string Type, bool Nullable, string? Default, bool Key, string? Comment);

/// <summary>An index, constraint or trigger by name with its definition as the database prints it.</summary>
internal sealed record NamedDefinitionJson(string Name, string Definition);

/// <summary>A foreign key: its columns and the referenced table's columns.</summary>
internal sealed record ForeignKeyJson(string Name, IReadOnlyList<string> Columns, string RefSchema, string RefTable, IReadOnlyList<string> RefColumns);

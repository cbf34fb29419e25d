using Strata.Schema;

namespace Strata.Codegen.Model;

/// <summary>A table, view or materialized view with what the generated code describes about it.</summary>
internal sealed record RelationModel(QualifiedName Name, RelationKind Kind, IReadOnlyList<ColumnModel> Columns)
{
    public string? Comment { get; init; }

    /// <summary>The primary key's columns, in key order; empty when there is none.</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    /// <summary>The unique constraints, each a list of columns in key order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> UniqueKeys { get; init; } = [];

    public IReadOnlyList<ForeignKeyModel> ForeignKeys { get; init; } = [];
}

namespace Strata.Schema;

/// <summary>
/// A table and its columns in declaration order. Constraints, indexes, triggers, policies and grants that belong to
/// the table are <see cref="SchemaObject"/>s whose <see cref="SchemaObject.Table"/> names it.
/// </summary>
/// <param name="Name">The table's name.</param>
/// <param name="Columns">The columns, in the engine's order.</param>
public sealed record TableDefinition(QualifiedName Name, IReadOnlyList<ColumnDefinition> Columns)
{
    /// <summary>The table comment, or null.</summary>
    public string? Comment { get; init; }

    /// <summary>PostgreSQL: row-level security is enabled.</summary>
    public bool RowLevelSecurity { get; init; }

    /// <summary>PostgreSQL: row-level security also applies to the owner (FORCE).</summary>
    public bool ForceRowLevelSecurity { get; init; }

    /// <summary>Table options that are part of its definition, e.g. SQLite's <c>WITHOUT ROWID</c> or <c>STRICT</c>; null for none.</summary>
    public string? Options { get; init; }

    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public ColumnDefinition? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

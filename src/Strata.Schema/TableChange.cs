namespace Strata.Schema;

/// <summary>
/// How one table differs between two states, handed to <see cref="IDdlRenderer.NeedsRebuild"/> and
/// <see cref="IDdlRenderer.RebuildTable"/>. Column renames have already been applied to <see cref="From"/>'s names in
/// <see cref="RenamedColumns"/> (old name to new name); the other lists are derived from the two definitions.
/// </summary>
/// <param name="From">The table before (columns already carry their new names where renamed).</param>
/// <param name="To">The table after.</param>
public sealed record TableChange(TableDefinition From, TableDefinition To)
{
    /// <summary>Keys and checks before, when the dialect keeps them inside the table.</summary>
    public IReadOnlyList<SchemaObject> FromConstraints { get; init; } = [];

    /// <summary>Keys and checks after, when the dialect keeps them inside the table.</summary>
    public IReadOnlyList<SchemaObject> ToConstraints { get; init; } = [];

    /// <summary>Columns renamed by hints: the original name to the new one.</summary>
    public IReadOnlyDictionary<string, string> RenamedColumns { get; init; } = new Dictionary<string, string>();

    /// <summary>Columns only in <see cref="To"/> (inherited ones come with their parent).</summary>
    public IReadOnlyList<ColumnDefinition> Added => [.. To.Columns.Where(c => !c.Inherited && From.Column(c.Name) is null)];

    /// <summary>Columns only in <see cref="From"/> (inherited ones go with their parent).</summary>
    public IReadOnlyList<ColumnDefinition> Dropped => [.. From.Columns.Where(c => !c.Inherited && To.Column(c.Name) is null)];

    /// <summary>
    /// Columns in both whose definition differs: (before, after). For a column inherited on both sides only what the
    /// table sets locally counts (its type, identity and generation follow the parent).
    /// </summary>
    public IReadOnlyList<(ColumnDefinition Before, ColumnDefinition After)> Changed =>
        [.. From.Columns.Select(c => (c, To.Column(c.Name))).Where(p => p.Item2 is not null).Select(p => Local(p.c, p.Item2!)).Where(p => p.Before != p.After)];

    /// <summary>True when the keys or checks differ.</summary>
    public bool ConstraintsChanged =>
        !FromConstraints.Select(c => c.Kind + "=" + c.Definition).Order(StringComparer.Ordinal)
            .SequenceEqual(ToConstraints.Select(c => c.Kind + "=" + c.Definition).Order(StringComparer.Ordinal));

    /// <summary>True when the table-level settings (not the columns) differ.</summary>
    public bool TableSettingsChanged =>
        From with { Columns = To.Columns, Name = To.Name, Inherits = To.Inherits, DependsOn = To.DependsOn } != To || !From.Inherits.SequenceEqual(To.Inherits);

    private static (ColumnDefinition Before, ColumnDefinition After) Local(ColumnDefinition before, ColumnDefinition after) =>
        before.Inherited && after.Inherited
            ? (before, after with { Type = before.Type, Collation = before.Collation, Identity = before.Identity, IdentityOptions = before.IdentityOptions, Generated = before.Generated })
            : (before, after);
}

namespace Strata.Studio;

/// <summary>How the page may treat a column's values: which filters it offers, whether it sorts, how it shows a cell.</summary>
internal enum ValueClass
{
    Text,
    Number,
    Date,
    Boolean,
    Enum,
    Json,
    Binary,
    Other,
}

/// <summary>A single-column foreign key: the referenced table and column.</summary>
internal sealed record ForeignKey(string Schema, string Table, string Column);

/// <summary>A column as read from the catalog (never from the page): name, declared type, class, enum labels, reference.</summary>
internal sealed record ColumnShape(string Name, string Type, ValueClass Class, bool Key, IReadOnlyList<string>? Values = null, ForeignKey? References = null)
{
    /// <summary>Sorting by it is offered: not for binary values or PostgreSQL's json (which has no ordering).</summary>
    public bool Sortable => Class is not (ValueClass.Binary or ValueClass.Other) && Type != "json";

    public GridColumn ToGrid() => new(Name, Type, Key) { Class = Class, Values = Values, References = References, Sortable = Sortable };
}

/// <summary>
/// A table or view as the grid pages it: its columns, the key expressions it pages by (primary key, ctid or rowid; none
/// for a view, which pages by offset) with their types, and the paging name the page shows.
/// </summary>
internal sealed record TableShape(string Schema, string Name, IReadOnlyList<ColumnShape> Columns, IReadOnlyList<(string Expression, string Type)> Keys, string Paging)
{
    public bool Keyed => Paging != "offset";

    /// <summary>The column the page names, or a 400 naming it.</summary>
    public ColumnShape Column(string? name) =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new StudioRequestException($"{Schema}.{Name} has no column {name}: reload the table");
}

namespace Strata.Studio;

/// <summary>A column of a result: its name, its database type, and whether it is part of the paging key.</summary>
internal sealed record GridColumn(string Name, string Type, bool Key = false)
{
    /// <summary>Table pages only: the class that picks the page's filters and cell view (null for console results).</summary>
    public ValueClass? Class { get; init; }

    /// <summary>An enum's labels, in order.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The row a value refers to (single-column foreign key).</summary>
    public ForeignKey? References { get; init; }

    /// <summary>Table pages only: the grid may sort by it.</summary>
    public bool Sortable { get; init; }
}

/// <summary>
/// One value as the page shows it: NULL (no text, no bytes), text (cut at <see cref="Grid.MaxText"/> characters, marked
/// when cut), or binary shown by its size only.
/// </summary>
internal readonly record struct Cell(string? Text, long Bytes = -1, bool Truncated = false)
{
    public static readonly Cell Null = new(null);

    public bool IsNull => Text is null && Bytes < 0;

    public static Cell Of(string? text) =>
        text is null ? Null : text.Length > Grid.MaxText ? new Cell(text[..Grid.MaxText], Truncated: true) : new Cell(text);
}

/// <summary>Rows for the page: a table page (with the key to continue after) or a console result.</summary>
internal sealed class Grid
{
    /// <summary>Longest text sent for one value; the rest stays in the database.</summary>
    public const int MaxText = 1000;

    public List<GridColumn> Columns { get; } = [];

    public List<Cell[]> Rows { get; } = [];

    /// <summary>Table pages: each row's key values as text (to fetch a whole value or download bytes); empty for views and console results.</summary>
    public List<string?[]> RowKeys { get; } = [];

    /// <summary>How the table pages: "key" (primary key), "ctid" or "rowid" (physical order), "offset" (a view), or null (console).</summary>
    public string? Paging { get; set; }

    /// <summary>The key values of the last row, to ask for the next page with; null when there is no next page.</summary>
    public IReadOnlyList<string?>? Next { get; set; }

    /// <summary>The offset of the next page when paging by offset.</summary>
    public long? NextOffset { get; set; }

    /// <summary>Console: more rows were available than were read.</summary>
    public bool More { get; set; }

    /// <summary>Console: rows changed by the statement, when it reports a count.</summary>
    public long? Affected { get; set; }

    /// <summary>Console: the statement ran in a read-only transaction or on a read-only connection.</summary>
    public bool ReadOnly { get; set; }
}

namespace Strata.Lint;

/// <summary>
/// What the linter knows from the migrations read so far, in order: the functions created (and whether they are
/// volatile), and the tables, indexes, materialized views and columns created in the release being linted. Objects
/// created in the release are new: empty and unused by the previous application version. Without a known release
/// boundary each migration is its own release (ADR 009: migration 1 may have shipped a year ago).
/// </summary>
internal sealed class FolderObjects
{
    /// <summary>Functions created by the migrations (unqualified, lower-case unless quoted): true when VOLATILE (the default).</summary>
    public Dictionary<string, bool> Functions { get; } = new(StringComparer.Ordinal);

    /// <summary>The declared type of each column the migrations created, by <c>table.column</c> (<c>VARCHAR(26)</c>).</summary>
    public Dictionary<string, string> ColumnTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Columns a validated <c>CHECK (col IS NOT NULL)</c> proves not null: SET NOT NULL skips its scan (PostgreSQL 12+).</summary>
    public HashSet<string> ProvenNotNull { get; } = new(StringComparer.Ordinal);

    /// <summary>Not yet validated <c>CHECK (col IS NOT NULL)</c> constraints: <c>table.constraint</c> to <c>table.column</c>.</summary>
    public Dictionary<string, string> NotNullChecks { get; } = new(StringComparer.Ordinal);

    /// <summary>Tables created in the release (and not dropped since).</summary>
    public HashSet<string> NewTables { get; } = new(StringComparer.Ordinal);

    /// <summary>Indexes created in the release.</summary>
    public HashSet<string> NewIndexes { get; } = new(StringComparer.Ordinal);

    /// <summary>Materialized views created in the release.</summary>
    public HashSet<string> NewViews { get; } = new(StringComparer.Ordinal);

    /// <summary>Columns added in the release to tables the previous release has, by <c>table.column</c>.</summary>
    public Dictionary<string, NewColumn> NewColumns { get; } = new(StringComparer.Ordinal);

    /// <summary>Forgets what was new: the next migration starts a release.</summary>
    public void StartRelease()
    {
        NewTables.Clear();
        NewIndexes.Clear();
        NewViews.Clear();
        NewColumns.Clear();
    }

    /// <summary>A table was renamed: what was known about it moves to the new name.</summary>
    public void RenameTable(string from, string to)
    {
        if (NewTables.Remove(from))
        {
            NewTables.Add(to);
        }
        else
        {
            NewTables.Remove(to);
        }

        Move(NewColumns, from, to);
        Move(ColumnTypes, from, to);
        foreach (var column in ProvenNotNull.Where(k => k.StartsWith(from + ".", StringComparison.Ordinal)).ToList())
        {
            ProvenNotNull.Remove(column);
            ProvenNotNull.Add(to + column[from.Length..]);
        }
    }

    /// <summary>A column was renamed: what was known about it moves to the new name.</summary>
    public void RenameColumn(string table, string from, string to)
    {
        Rename(NewColumns, $"{table}.{from}", $"{table}.{to}");
        Rename(ColumnTypes, $"{table}.{from}", $"{table}.{to}");
        if (ProvenNotNull.Remove($"{table}.{from}"))
        {
            ProvenNotNull.Add($"{table}.{to}");
        }
    }

    /// <summary>A column was dropped (or its table, when <paramref name="column"/> is null).</summary>
    public void Forget(string table, string? column)
    {
        bool Matches(string key) => column is null ? key.StartsWith(table + ".", StringComparison.Ordinal) : key == $"{table}.{column}";
        foreach (var key in ColumnTypes.Keys.Where(Matches).ToList())
        {
            ColumnTypes.Remove(key);
        }

        foreach (var key in NewColumns.Keys.Where(Matches).ToList())
        {
            NewColumns.Remove(key);
        }

        ProvenNotNull.RemoveWhere(Matches);
    }

    private static void Move<T>(Dictionary<string, T> map, string from, string to)
    {
        foreach (var key in map.Keys.Where(k => k.StartsWith(from + ".", StringComparison.Ordinal)).ToList())
        {
            map[to + key[from.Length..]] = map[key];
            map.Remove(key);
        }
    }

    private static void Rename<T>(Dictionary<string, T> map, string from, string to)
    {
        if (map.Remove(from, out var value))
        {
            map[to] = value;
        }
    }

    /// <summary>The column added in the release, if <paramref name="table"/>.<paramref name="column"/> is one.</summary>
    public NewColumn? Column(string table, string column) => NewColumns.GetValueOrDefault(table + "." + column);
}

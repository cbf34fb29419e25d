namespace Strata.Schema;

/// <summary>
/// Applies rename hints to the old state before comparing: the renamed table or column then matches its new name,
/// and the rename itself becomes a change. A hint whose old name is gone, or whose new name already exists in the old
/// state, does nothing.
/// </summary>
internal static class RenameApplier
{
    public static DatabaseSchema Apply(DatabaseSchema from, DatabaseSchema to, IReadOnlyList<RenameHint> hints, IDdlRenderer renderer, ChangeList changes)
    {
        var tables = from.Tables.ToList();
        var objects = from.Objects.ToList();
        var original = new Dictionary<QualifiedName, QualifiedName>();
        foreach (var hint in hints.Where(h => h.Column is null))
        {
            var index = tables.FindIndex(t => hint.Matches(t.Name));
            if (index < 0)
            {
                continue;
            }

            var old = tables[index].Name;
            var renamed = old with { Name = hint.NewName };
            if (to.Table(old) is not null || to.Table(renamed) is null || tables.Any(t => t.Name == renamed))
            {
                continue;
            }

            tables[index] = tables[index] with { Name = renamed };
            original[renamed] = old;
            objects = [.. objects.Select(o => Rename(o, old, renamed))];
            changes.Add(Phase.Tables, "0|0|" + old, new SchemaChange($"rename table {old} to {hint.NewName}", [renderer.RenameTable(old, hint.NewName)]));
        }

        foreach (var hint in hints.Where(h => h.Column is not null))
        {
            var index = tables.FindIndex(t => hint.Matches(t.Name) || (original.TryGetValue(t.Name, out var before) && hint.Matches(before)));
            if (index < 0 || tables[index].Column(hint.Column!) is null || tables[index].Column(hint.NewName) is not null)
            {
                continue;
            }

            var table = tables[index];
            if (to.Table(table.Name) is not { } target || target.Column(hint.NewName) is null || target.Column(hint.Column!) is not null)
            {
                continue;
            }

            tables[index] = table with { Columns = [.. table.Columns.Select(c => c.Name == hint.Column ? c with { Name = hint.NewName } : c)] };
            changes.Add(Phase.Tables, "0|1|" + table.Name + "." + hint.Column, new SchemaChange(
                $"rename column {table.Name}.{hint.Column} to {hint.NewName}", [renderer.RenameColumn(table.Name, hint.Column!, hint.NewName)]));
        }

        return new DatabaseSchema(tables, objects);
    }

    /// <summary>The hints that undo <paramref name="hints"/>, for the reverse script.</summary>
    public static IReadOnlyList<RenameHint> Reverse(IReadOnlyList<RenameHint> hints)
    {
        var reversed = new List<RenameHint>();
        foreach (var hint in hints.Reverse())
        {
            reversed.Add(hint.Column is null
                ? new RenameHint(hint.Table with { Name = hint.NewName }, null, hint.Table.Name)
                : new RenameHint(hint.Table, hint.NewName, hint.Column));
        }

        return reversed;
    }

    private static SchemaObject Rename(SchemaObject item, QualifiedName old, QualifiedName renamed) => item with
    {
        Table = item.Table == old ? renamed : item.Table,
        DependsOn = [.. item.DependsOn.Select(d => d == old ? renamed : d)],
    };
}

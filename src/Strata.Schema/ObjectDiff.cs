namespace Strata.Schema;

/// <summary>
/// The object pass of a comparison: objects created, dropped, altered in place or recreated, including dependants
/// recreated because something they depend on changed.
/// </summary>
internal static class ObjectDiff
{
    public static void Run(DiffState state)
    {
        var inline = state.Renderer.ConstraintsInsideTable;
        var source = state.From.Objects.Where(o => !(inline && PhaseMap.IsTableConstraint(o.Kind))).ToDictionary(o => o.Key, StringComparer.Ordinal);
        var target = state.To.Objects.Where(o => !(inline && PhaseMap.IsTableConstraint(o.Kind))).ToDictionary(o => o.Key, StringComparer.Ordinal);
        var recreate = new HashSet<string>(StringComparer.Ordinal);
        var altered = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, before) in source)
        {
            if (!target.TryGetValue(key, out var after))
            {
                state.Replaced.Add(before.Name);
            }
            else if (!before.SameAs(after))
            {
                if (state.Renderer.AlterObject(before, after) is { } statements)
                {
                    altered[key] = statements;
                }
                else
                {
                    recreate.Add(key);
                    state.Replaced.Add(before.Name);
                }
            }
        }

        Propagate(state, source, target, recreate);
        Emit(state, source, target, recreate, altered);
    }

    /// <summary>Marks for recreation every unchanged object that depends on something replaced, until nothing more changes.</summary>
    private static void Propagate(DiffState state, Dictionary<string, SchemaObject> source, Dictionary<string, SchemaObject> target, HashSet<string> recreate)
    {
        var keyTables = source.Values.Where(o => o.Kind is ObjectKind.PrimaryKey or ObjectKind.Unique && o.Table is { } t
                && (!target.ContainsKey(o.Key) || recreate.Contains(o.Key)))
            .Select(o => o.Table!.Value).ToHashSet();
        var tables = state.From.Tables.Select(t => t.Name).ToHashSet();
        bool more;
        do
        {
            more = false;
            var owners = source.Values.Where(o => o.Table is null && (recreate.Contains(o.Key) || !target.ContainsKey(o.Key))).Select(o => o.Name).ToHashSet();
            foreach (var (key, item) in target)
            {
                if (!source.ContainsKey(key) || recreate.Contains(key))
                {
                    continue;
                }

                var rebuilt = item.Table is { } table && state.Rebuilt.Contains(table) && item.Kind is ObjectKind.Index or ObjectKind.Trigger;
                var dependant = item.DependsOn.Any(d => state.Replaced.Contains(d) && PhaseMap.Follows(item, d, tables));
                var onRecreated = item.Table is { } owner && owners.Contains(owner);
                var policy = item.Kind is ObjectKind.Policy or ObjectKind.Rule && item.Table is { } policed && state.Replaced.Contains(policed);
                var foreignKey = item.Kind is ObjectKind.ForeignKey && item.DependsOn.Any(keyTables.Contains);
                if (rebuilt || dependant || foreignKey || onRecreated || policy)
                {
                    recreate.Add(key);
                    state.Replaced.Add(item.Name);
                    more = true;
                }
            }
        }
        while (more);
    }

    private static void Emit(
        DiffState state,
        Dictionary<string, SchemaObject> source,
        Dictionary<string, SchemaObject> target,
        HashSet<string> recreate,
        Dictionary<string, IReadOnlyList<string>> altered)
    {
        var renderer = state.Renderer;
        var goneOwners = source.Values
            .Where(o => o.Kind is ObjectKind.View or ObjectKind.MaterializedView && (!target.ContainsKey(o.Key) || recreate.Contains(o.Key)))
            .Select(o => o.Name).ToHashSet();
        foreach (var (key, item) in source.Where(p => !target.ContainsKey(p.Key) || recreate.Contains(p.Key)))
        {
            var implied = item.Table is { } table
                && ((state.DroppedTables.Contains(table) && item.Kind is not (ObjectKind.SequenceOwner or ObjectKind.ForeignKey)) || goneOwners.Contains(table));
            if (implied)
            {
                continue;
            }

            var destructive = recreate.Contains(key) ? null : Destructive(item, target.Values);
            var change = new SchemaChange("drop " + item, renderer.DropObject(item)) { Destructive = destructive };
            state.Changes.Add(PhaseMap.Drop(item), SortKey(item), change, ChangeOrdering.Of(item, drop: true));
        }

        foreach (var (key, item) in target.Where(p => !source.ContainsKey(p.Key) || recreate.Contains(p.Key)))
        {
            var verb = recreate.Contains(key) ? "recreate " : "create ";
            state.Changes.CreatesRoutines |= PhaseMap.IsRoutine(item.Kind);
            state.Changes.Add(PhaseMap.Create(item), SortKey(item), new SchemaChange(verb + item, renderer.CreateObject(item)), ChangeOrdering.Of(item, drop: false));
        }

        foreach (var (key, statements) in altered)
        {
            var item = target[key];
            state.Changes.CreatesRoutines |= PhaseMap.IsRoutine(item.Kind);
            state.Changes.Add(PhaseMap.Create(item), SortKey(item), new SchemaChange("alter " + item, statements), ChangeOrdering.Of(item, drop: false));
        }
    }

    private static string SortKey(SchemaObject item) => $"{(int)item.Kind:D2}|{item.Table}|{item.Position:D6}|{item.Name}|{item.Arguments}";

    private static string? Destructive(SchemaObject item, IEnumerable<SchemaObject> target)
    {
        switch (item.Kind)
        {
            case ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion or ObjectKind.ForeignKey:
                var replaced = target.Any(o => o.Kind == item.Kind && o.Table == item.Table && o.Definition == item.Definition);
                return replaced ? null : $"drops constraint {item.Name.Name} on {item.Table}: the rule it enforced no longer holds";
            case ObjectKind.Sequence:
                return $"drops sequence {item.Name} and its current value";
            case ObjectKind.MaterializedView:
                return $"drops materialized view {item.Name} and its stored rows";
            case ObjectKind.Schema:
                return $"drops schema {item.Name} with anything left in it that the comparison does not see";
            case ObjectKind.VirtualTable:
                return $"drops virtual table {item.Name} and all its rows";
            default:
                return null;
        }
    }
}

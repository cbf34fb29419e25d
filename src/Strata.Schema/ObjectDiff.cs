using System.Globalization;

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
        var views = source.Values.Concat(target.Values).Where(o => o.Kind is ObjectKind.View or ObjectKind.MaterializedView).Select(o => o.Name).ToHashSet();
        var relations = state.From.Tables.Concat(state.To.Tables).Select(t => t.Name).Concat(views).ToHashSet();
        var recreate = new HashSet<string>(StringComparer.Ordinal);
        var altered = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, before) in source)
        {
            if (!target.TryGetValue(key, out var after))
            {
                state.Replaced.Add(before.Name);
            }
            else if (before.Definition != after.Definition || before.Comment != after.Comment)
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
        Emit(state, source, target, recreate, altered, (relations, views));
    }

    /// <summary>Marks for recreation every unchanged object that depends on something replaced, until nothing more changes.</summary>
    private static void Propagate(DiffState state, Dictionary<string, SchemaObject> source, Dictionary<string, SchemaObject> target, HashSet<string> recreate)
    {
        var keyTables = source.Values.Where(o => o.Kind is ObjectKind.PrimaryKey or ObjectKind.Unique && o.Table is { } t
                && (!target.ContainsKey(o.Key) || recreate.Contains(o.Key)))
            .Select(o => o.Table!.Value).ToHashSet();
        bool more;
        do
        {
            more = false;
            foreach (var (key, item) in target)
            {
                if (!source.ContainsKey(key) || recreate.Contains(key))
                {
                    continue;
                }

                var rebuilt = item.Table is { } table && state.Rebuilt.Contains(table) && item.Kind is ObjectKind.Index or ObjectKind.Trigger;
                var dependant = item.Kind is ObjectKind.View or ObjectKind.MaterializedView or ObjectKind.Function or ObjectKind.Procedure
                    or ObjectKind.Trigger or ObjectKind.Policy && item.DependsOn.Any(state.Replaced.Contains);
                var onView = item.Table is { } owner && source.Values.Any(v => v.Name == owner && v.Kind is ObjectKind.View or ObjectKind.MaterializedView && recreate.Contains(v.Key));
                var foreignKey = item.Kind is ObjectKind.ForeignKey && item.DependsOn.Any(keyTables.Contains);
                if (rebuilt || dependant || foreignKey || onView)
                {
                    recreate.Add(key);
                    more |= state.Replaced.Add(item.Name);
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
        Dictionary<string, IReadOnlyList<string>> altered,
        (HashSet<QualifiedName> All, HashSet<QualifiedName> Views) relations)
    {
        var renderer = state.Renderer;
        var dropRank = DependencyOrder.Rank(source.Values.Where(o => PhaseMap.IsLate(o, relations.All, relations.Views)));
        var createRank = DependencyOrder.Rank(target.Values.Where(o => PhaseMap.IsLate(o, relations.All, relations.Views)));
        foreach (var (key, item) in source.Where(p => !target.ContainsKey(p.Key) || recreate.Contains(p.Key)))
        {
            var implied = item.Table is { } table && state.DroppedTables.Contains(table) && item.Kind is not (ObjectKind.SequenceOwner or ObjectKind.ForeignKey);
            if (implied)
            {
                continue;
            }

            var late = dropRank.TryGetValue(key, out var rank);
            var sortKey = late ? (int.MaxValue - rank).ToString("D10", CultureInfo.InvariantCulture) : SortKey(item);
            var destructive = recreate.Contains(key) ? null : Destructive(item, target.Values);
            state.Changes.Add(PhaseMap.Drop(item, late), sortKey, new SchemaChange("drop " + item, renderer.DropObject(item)) { Destructive = destructive });
        }

        foreach (var (key, item) in target.Where(p => !source.ContainsKey(p.Key) || recreate.Contains(p.Key)))
        {
            var late = createRank.TryGetValue(key, out var rank);
            var sortKey = late ? rank.ToString("D10", CultureInfo.InvariantCulture) : SortKey(item);
            var verb = recreate.Contains(key) ? "recreate " : "create ";
            state.Changes.CreatesRoutines |= item.Kind is ObjectKind.Function or ObjectKind.Procedure;
            state.Changes.Add(PhaseMap.Create(item, late), sortKey, new SchemaChange(verb + item, renderer.CreateObject(item)));
        }

        foreach (var (key, statements) in altered)
        {
            var item = target[key];
            state.Changes.CreatesRoutines |= item.Kind is ObjectKind.Function or ObjectKind.Procedure;
            var late = createRank.TryGetValue(key, out var rank);
            var sortKey = late ? rank.ToString("D10", CultureInfo.InvariantCulture) : SortKey(item);
            state.Changes.Add(PhaseMap.Create(item, late), sortKey, new SchemaChange("alter " + item, statements));
        }
    }

    private static string SortKey(SchemaObject item) => $"{(int)item.Kind:D2}|{item.Table}|{item.Name}|{item.Arguments}";

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
            default:
                return null;
        }
    }
}

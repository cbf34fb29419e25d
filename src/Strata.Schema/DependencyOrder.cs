namespace Strata.Schema;

/// <summary>Orders objects so that each comes after the objects (of the same set) it depends on; ties by name.</summary>
internal static class DependencyOrder
{
    /// <summary>Position of each object's key in dependency order.</summary>
    public static Dictionary<string, int> Rank(IEnumerable<SchemaObject> items)
    {
        var list = items.OrderBy(i => i.Name).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
        var byName = list.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.ToList());
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            Visit(item, byName, rank, visiting);
        }

        return rank;
    }

    private static void Visit(SchemaObject item, Dictionary<QualifiedName, List<SchemaObject>> byName, Dictionary<string, int> rank, HashSet<string> visiting)
    {
        if (rank.ContainsKey(item.Key) || !visiting.Add(item.Key))
        {
            return;
        }

        foreach (var dependency in item.DependsOn.Order())
        {
            if (byName.TryGetValue(dependency, out var targets))
            {
                foreach (var target in targets.Where(t => t.Key != item.Key))
                {
                    Visit(target, byName, rank, visiting);
                }
            }
        }

        rank[item.Key] = rank.Count;
    }
}

namespace Strata.Schema;

/// <summary>
/// Changes collected in any order, handed out sorted by phase, then by a key within the phase, moved only as far as
/// their dependencies require: a create comes after the creates of what it needs, a drop before the drops of what it
/// needs (a view over a function over a type; a partition after its table; a function returning a table's rows after
/// the table). A dependency cycle is broken at the change that sorts first.
/// </summary>
internal sealed class ChangeList
{
    private readonly List<Entry> _entries = [];

    /// <summary>True once a function or procedure is created or replaced: the script then needs the renderer's preamble.</summary>
    public bool CreatesRoutines { get; set; }

    public void Add(Phase phase, string key, SchemaChange change) => Add(phase, key, change, null);

    /// <summary>Adds a change that makes (or, for a drop, removes) <paramref name="ordering"/>'s names and needs its required ones.</summary>
    public void Add(Phase phase, string key, SchemaChange change, ChangeOrdering? ordering)
    {
        if (change.Statements.Count > 0)
        {
            _entries.Add(new Entry(phase, key, _entries.Count, change, ordering));
        }
    }

    public IReadOnlyList<SchemaChange> Ordered()
    {
        var sorted = _entries.OrderBy(e => e.Phase).ThenBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Sequence).ToList();
        var after = new List<int>[sorted.Count];
        var waiting = new int[sorted.Count];
        var providers = new Dictionary<(bool Drop, QualifiedName Name), List<int>>();
        for (var i = 0; i < sorted.Count; i++)
        {
            after[i] = [];
            foreach (var name in sorted[i].Ordering?.Provides ?? [])
            {
                var key = (sorted[i].Ordering!.Drop, name);
                if (!providers.TryGetValue(key, out var list))
                {
                    providers[key] = list = [];
                }

                list.Add(i);
            }
        }

        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Ordering is not { } ordering)
            {
                continue;
            }

            foreach (var provider in ordering.Requires.Distinct().SelectMany(r => providers.GetValueOrDefault((ordering.Drop, r)) ?? []).Distinct().Where(p => p != i))
            {
                var (first, second) = ordering.Drop ? (i, provider) : (provider, i);
                after[first].Add(second);
                waiting[second]++;
            }
        }

        return [.. TopologicalOrder(after, waiting).Select(i => sorted[i].Change)];
    }

    /// <summary>Kahn's algorithm that always takes the ready change sorting first; a cycle gives up on the lowest waiting one.</summary>
    private static IEnumerable<int> TopologicalOrder(List<int>[] after, int[] waiting)
    {
        var ready = new SortedSet<int>(Enumerable.Range(0, waiting.Length).Where(i => waiting[i] == 0));
        var done = new bool[waiting.Length];
        for (var emitted = 0; emitted < waiting.Length; emitted++)
        {
            var next = ready.Count > 0 ? ready.Min : Enumerable.Range(0, waiting.Length).First(i => !done[i]);
            ready.Remove(next);
            done[next] = true;
            yield return next;
            foreach (var follower in after[next])
            {
                if (--waiting[follower] == 0 && !done[follower])
                {
                    ready.Add(follower);
                }
            }
        }
    }

    private sealed record Entry(Phase Phase, string Key, int Sequence, SchemaChange Change, ChangeOrdering? Ordering);
}

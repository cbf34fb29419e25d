namespace Strata.Schema;

/// <summary>Changes collected in any order, handed out sorted by phase, then by a key within the phase.</summary>
internal sealed class ChangeList
{
    private readonly List<(Phase Phase, string Key, int Sequence, SchemaChange Change)> _entries = [];

    public void Add(Phase phase, string key, SchemaChange change)
    {
        if (change.Statements.Count > 0)
        {
            _entries.Add((phase, key, _entries.Count, change));
        }
    }

    public IReadOnlyList<SchemaChange> Ordered() =>
        [.. _entries.OrderBy(e => e.Phase).ThenBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Sequence).Select(e => e.Change)];
}

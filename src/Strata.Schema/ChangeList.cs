namespace Strata.Schema;

/// <summary>Changes collected in any order, handed out sorted by phase, then by a key within the phase.</summary>
internal sealed class ChangeList
{
    private readonly List<(Phase Phase, string Key, int Sequence, SchemaChange Change)> _entries = [];

    /// <summary>True once a function or procedure is created or replaced: the script then needs the renderer's preamble.</summary>
    public bool CreatesRoutines { get; set; }

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

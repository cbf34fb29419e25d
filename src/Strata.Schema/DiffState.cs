namespace Strata.Schema;

/// <summary>What the table and object passes of one comparison share.</summary>
internal sealed class DiffState(DatabaseSchema from, DatabaseSchema to, IDdlRenderer renderer, ChangeList changes)
{
    public DatabaseSchema From { get; } = from;

    public DatabaseSchema To { get; } = to;

    public IDdlRenderer Renderer { get; } = renderer;

    public ChangeList Changes { get; } = changes;

    /// <summary>Tables, views, functions and types changed in a way that their dependants must be recreated.</summary>
    public HashSet<QualifiedName> Replaced { get; } = [];

    /// <summary>Tables dropped (their indexes, constraints and triggers go with them).</summary>
    public HashSet<QualifiedName> DroppedTables { get; } = [];

    /// <summary>Tables rebuilt (SQLite): their indexes and triggers must be created again.</summary>
    public HashSet<QualifiedName> Rebuilt { get; } = [];

    /// <summary>Keys and checks of <paramref name="table"/> in <paramref name="state"/> when the dialect keeps them inside the table.</summary>
    public IReadOnlyList<SchemaObject> InlineConstraints(DatabaseSchema state, QualifiedName table) =>
        Renderer.ConstraintsInsideTable
            ? [.. state.Objects.Where(o => o.Table == table && PhaseMap.IsTableConstraint(o.Kind))]
            : [];
}

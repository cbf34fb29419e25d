namespace Strata.Schema;

/// <summary>
/// Compares two schema states. The entry point of the schema engine for the CLI (<c>diff</c>, <c>generate</c>,
/// <c>push</c>), lint and verify: it never touches a database, so it can be called with any two states, e.g.
/// introspected from a live database and from a scratch database holding <c>schema.sql</c>.
/// </summary>
public static class SchemaDiffer
{
    /// <summary>
    /// The changes that turn <paramref name="from"/> into <paramref name="to"/>, ordered so that every statement's
    /// dependencies exist (types before tables, tables before foreign keys, dependants dropped first, views and
    /// functions recreated when what they depend on changes), each destructive one classified.
    /// </summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The desired state.</param>
    /// <param name="renderer">The dialect's DDL renderer.</param>
    /// <param name="renames">Explicit renames (<see cref="RenameHints.Parse"/>); without them a rename is a drop plus a create.</param>
    public static SchemaDiff Compare(DatabaseSchema from, DatabaseSchema to, IDdlRenderer renderer, IReadOnlyList<RenameHint>? renames = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(renderer);
        var changes = new ChangeList();
        var source = RenameApplier.Apply(from, to, renames ?? [], renderer, changes);
        var state = new DiffState(source, to, renderer, changes);
        TableDiff.Run(state);
        ObjectDiff.Run(state);
        return new SchemaDiff(changes.Ordered(), changes.CreatesRoutines ? renderer.Preamble : []) { Prologue = renderer.RebuildPrologue, Epilogue = renderer.RebuildEpilogue };
    }

    /// <summary>
    /// Both directions: <see cref="SchemaPlan.Up"/> is <see cref="Compare"/> of <paramref name="from"/> to
    /// <paramref name="to"/>; <see cref="SchemaPlan.Down"/> the reverse script, with the renames reversed.
    /// </summary>
    public static SchemaPlan Plan(DatabaseSchema from, DatabaseSchema to, IDdlRenderer renderer, IReadOnlyList<RenameHint>? renames = null)
    {
        var hints = renames ?? [];
        return new SchemaPlan(Compare(from, to, renderer, hints), Compare(to, from, renderer, RenameApplier.Reverse(hints)));
    }
}

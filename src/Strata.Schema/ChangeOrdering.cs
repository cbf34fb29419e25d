namespace Strata.Schema;

/// <summary>
/// What a change means for ordering: the names it makes (a create or an alter) or removes (a drop), and the names it
/// needs. See <see cref="ChangeList"/>.
/// </summary>
/// <param name="Drop">True for a drop: it must run before the drops of what it needs.</param>
/// <param name="Provides">The names the change makes or removes.</param>
/// <param name="Requires">The names the changed object needs.</param>
internal sealed record ChangeOrdering(bool Drop, IReadOnlyCollection<QualifiedName> Provides, IReadOnlyCollection<QualifiedName> Requires)
{
    /// <summary>The ordering of creating (or dropping) <paramref name="item"/>: it makes its name and needs its table and dependencies.</summary>
    public static ChangeOrdering Of(SchemaObject item, bool drop)
    {
        IReadOnlyCollection<QualifiedName> provides = Referable(item.Kind) ? [item.Name] : [];
        IReadOnlyCollection<QualifiedName> requires = item.Table is { } table ? [table, .. item.DependsOn] : item.DependsOn;
        return new ChangeOrdering(drop, provides, requires);
    }

    /// <summary>
    /// True for kinds other objects refer to by name (types, routines, relations, schemas); not for grants, sequence
    /// ownership (named after its sequence), keys, triggers, policies, rules and casts.
    /// </summary>
    private static bool Referable(ObjectKind kind) => kind is not (ObjectKind.Grant or ObjectKind.DefaultPrivileges or ObjectKind.SequenceOwner
        or ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion or ObjectKind.ForeignKey
        or ObjectKind.Trigger or ObjectKind.Policy or ObjectKind.Rule or ObjectKind.Cast);

    /// <summary>The ordering of creating or dropping <paramref name="table"/>.</summary>
    public static ChangeOrdering Of(TableDefinition table, bool drop) => new(drop, [table.Name], [.. table.Parents, .. table.DependsOn]);
}

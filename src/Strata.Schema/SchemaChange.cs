namespace Strata.Schema;

/// <summary>
/// One step of a <see cref="SchemaDiff"/>: what it does, its statements (no trailing semicolons), and whether it is
/// destructive (data loss: a dropped table or column, a narrowing type change, a dropped constraint).
/// </summary>
/// <param name="Summary">e.g. <c>add column public.users.email</c>.</param>
/// <param name="Statements">The DDL, in order.</param>
public sealed record SchemaChange(string Summary, IReadOnlyList<string> Statements)
{
    /// <summary>Why the change can lose data, or null when it cannot.</summary>
    public string? Destructive { get; init; }

    /// <summary>True for a table rebuild: the script then manages its own transaction (see <see cref="IDdlRenderer.RebuildPrologue"/>).</summary>
    public bool OutsideTransaction { get; init; }

    /// <summary>True when <see cref="Destructive"/> is set.</summary>
    public bool IsDestructive => Destructive is not null;
}

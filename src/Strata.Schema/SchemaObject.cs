namespace Strata.Schema;

/// <summary>
/// Any object other than a table: its kind, name, owning table when it has one, and its definition in the engine's
/// canonical text (e.g. <c>pg_get_indexdef</c>, <c>pg_get_constraintdef</c>, <c>pg_get_viewdef</c>). Two objects with
/// the same key and the same definition are equal; a different definition means the object changed. The dialect's
/// <see cref="IDdlRenderer"/> turns it into CREATE and DROP statements.
/// </summary>
/// <param name="Kind">What the object is.</param>
/// <param name="Name">Its name (for constraints, indexes and triggers: schema of the table and the object's own name).</param>
/// <param name="Definition">The canonical definition compared by the diff.</param>
public sealed record SchemaObject(ObjectKind Kind, QualifiedName Name, string Definition)
{
    /// <summary>The table the object belongs to (constraints, indexes, triggers, policies, sequence owners), or the object a grant is on; null otherwise.</summary>
    public QualifiedName? Table { get; init; }

    /// <summary>Functions, procedures and aggregates: the identity argument list, e.g. <c>integer, text</c>; sequence owners: the column; grants: what the target is.</summary>
    public string? Arguments { get; init; }

    /// <summary>What this object needs to exist first: tables, views, types, functions, collations, schemas (views: what they select from; triggers: their function).</summary>
    public IReadOnlyList<QualifiedName> DependsOn { get; init; } = [];

    /// <summary>The object's comment, or null.</summary>
    public string? Comment { get; init; }

    /// <summary>
    /// Views, materialized views and composite types: their columns (attributes) in order, each with the engine's type
    /// text, nullability as the catalog states it (view columns are never marked NOT NULL) and comment; empty for other
    /// kinds. Read by code generation; the diff compares <see cref="Definition"/> and never looks at these.
    /// </summary>
    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];

    /// <summary>
    /// Statements that complete the object after its CREATE, in the dialect's text, compared like the definition: e.g.
    /// <c>CLUSTER ON</c> for an index, a disabled trigger, comments on a composite type's or a view's columns, the
    /// tables of a publication.
    /// </summary>
    public IReadOnlyList<string> Attached { get; init; } = [];

    /// <summary>
    /// Where the object goes among objects of its kind on the same table, when the engine keeps them in an order that
    /// shows (a grantee's place in the privileges list, which pg_dump prints in order); not compared.
    /// </summary>
    public int Position { get; init; }

    /// <summary>The identity the diff matches objects by: kind, name, table and arguments.</summary>
    public string Key => $"{Kind}|{Table}|{Name}|{Arguments}";

    /// <summary>True when the definition, comment and attached statements of both are the same.</summary>
    public bool SameAs(SchemaObject other) =>
        other is not null && Definition == other.Definition && Comment == other.Comment && Attached.SequenceEqual(other.Attached, StringComparer.Ordinal);

    /// <summary>For messages, e.g. <c>index public.users_email_idx</c> or <c>function public.f(integer)</c>.</summary>
    public override string ToString()
    {
        if (Kind is ObjectKind.Grant or ObjectKind.DefaultPrivileges)
        {
            return Kind is ObjectKind.Grant
                ? $"grant to {Name.Name} on {Arguments?.Split(' ')[0].ToLowerInvariant()} {Table}"
                : $"default privileges ({Arguments}) for {Name.Name}{(Name.Schema is null ? "" : " in schema " + Name.Schema)}";
        }

        var kind = ObjectKindNames.Noun(Kind);
        var owner = Table is { } table && Kind is not ObjectKind.SequenceOwner ? " on " + table : "";
        var arguments = Kind is ObjectKind.Function or ObjectKind.Procedure or ObjectKind.Aggregate or ObjectKind.Operator ? "(" + Arguments + ")" : "";
        return $"{kind} {Name}{arguments}{owner}";
    }
}

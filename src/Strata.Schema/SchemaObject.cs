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
    /// <summary>The table the object belongs to (constraints, indexes, triggers, policies, grants, sequence owners), or null.</summary>
    public QualifiedName? Table { get; init; }

    /// <summary>Functions and procedures: the identity argument list, e.g. <c>integer, text</c>; sequence owners: the column.</summary>
    public string? Arguments { get; init; }

    /// <summary>Tables, views and functions this object needs (views: what they select from; triggers: their function).</summary>
    public IReadOnlyList<QualifiedName> DependsOn { get; init; } = [];

    /// <summary>The object's comment, or null.</summary>
    public string? Comment { get; init; }

    /// <summary>
    /// Views, materialized views and composite types: their columns (attributes) in order, each with the engine's type
    /// text, nullability as the catalog states it (view columns are never marked NOT NULL) and comment; empty for other
    /// kinds. Read by code generation; the diff compares <see cref="Definition"/> and never looks at these.
    /// </summary>
    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];

    /// <summary>The identity the diff matches objects by: kind, name, table and arguments.</summary>
    public string Key => $"{Kind}|{Table}|{Name}|{Arguments}";

    /// <summary>For messages, e.g. <c>index public.users_email_idx</c> or <c>function public.f(integer)</c>.</summary>
    public override string ToString()
    {
        var kind = Kind switch
        {
            ObjectKind.PrimaryKey => "primary key",
            ObjectKind.ForeignKey => "foreign key",
            ObjectKind.MaterializedView => "materialized view",
            ObjectKind.SequenceOwner => "sequence ownership",
            _ => Kind.ToString().ToLowerInvariant(),
        };
        var owner = Table is { } table && Kind is not ObjectKind.SequenceOwner ? " on " + table : "";
        var arguments = Kind is ObjectKind.Function or ObjectKind.Procedure ? "(" + Arguments + ")" : "";
        return $"{kind} {Name}{arguments}{owner}";
    }
}

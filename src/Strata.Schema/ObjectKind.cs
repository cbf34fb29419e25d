namespace Strata.Schema;

/// <summary>
/// What a <see cref="SchemaObject"/> is. The order of the members is not meaningful; the diff orders changes by
/// dependency phase.
/// </summary>
public enum ObjectKind
{
    /// <summary>A PostgreSQL extension (name only, no schema).</summary>
    Extension,

    /// <summary>A PostgreSQL schema (name only).</summary>
    Schema,

    /// <summary>An enum type; the definition lists its labels.</summary>
    Enum,

    /// <summary>A domain over a base type.</summary>
    Domain,

    /// <summary>A sequence that is not an identity column's.</summary>
    Sequence,

    /// <summary>A sequence's <c>OWNED BY</c> link to a column (serial columns); <see cref="SchemaObject.Arguments"/> is the column.</summary>
    SequenceOwner,

    /// <summary>A function.</summary>
    Function,

    /// <summary>A procedure.</summary>
    Procedure,

    /// <summary>A primary key of <see cref="SchemaObject.Table"/>.</summary>
    PrimaryKey,

    /// <summary>A unique constraint.</summary>
    Unique,

    /// <summary>A check constraint.</summary>
    Check,

    /// <summary>An exclusion constraint.</summary>
    Exclusion,

    /// <summary>A foreign key, with its actions and deferrability in the definition.</summary>
    ForeignKey,

    /// <summary>An index that does not back a constraint (partial, expression and non-btree included).</summary>
    Index,

    /// <summary>A view.</summary>
    View,

    /// <summary>A materialized view.</summary>
    MaterializedView,

    /// <summary>A trigger on <see cref="SchemaObject.Table"/>.</summary>
    Trigger,

    /// <summary>A row-level security policy on <see cref="SchemaObject.Table"/>.</summary>
    Policy,

    /// <summary>The privileges one grantee holds on <see cref="SchemaObject.Table"/>; the name is the grantee.</summary>
    Grant,
}

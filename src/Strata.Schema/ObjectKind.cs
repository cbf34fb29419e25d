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

    /// <summary>
    /// The privileges one grantee holds on one object where they differ from the default: the name is the grantee,
    /// <see cref="SchemaObject.Table"/> the object (a table, view, sequence, schema, function or type),
    /// <see cref="SchemaObject.Arguments"/> what it is (<c>TABLE</c>, <c>COLUMN name</c>, <c>FUNCTION integer</c>, …).
    /// </summary>
    Grant,

    /// <summary>A composite type (<c>CREATE TYPE … AS (…)</c>); the definition lists its attributes.</summary>
    CompositeType,

    /// <summary>A range type (<c>CREATE TYPE … AS RANGE (…)</c>).</summary>
    RangeType,

    /// <summary>A collation (<c>CREATE COLLATION</c>).</summary>
    Collation,

    /// <summary>An aggregate function; <see cref="SchemaObject.Arguments"/> is its identity argument list.</summary>
    Aggregate,

    /// <summary>A user-defined operator; <see cref="SchemaObject.Arguments"/> is its left and right argument types.</summary>
    Operator,

    /// <summary>A rewrite rule on <see cref="SchemaObject.Table"/> (not a view's own select rule).</summary>
    Rule,

    /// <summary>An event trigger (database-wide, no schema).</summary>
    EventTrigger,

    /// <summary>A publication for logical replication, with its tables and schemas.</summary>
    Publication,

    /// <summary>Default privileges (<c>ALTER DEFAULT PRIVILEGES</c>) for one grantee; <see cref="SchemaObject.Arguments"/> names the role and object type.</summary>
    DefaultPrivileges,

    /// <summary>An extended statistics object on <see cref="SchemaObject.Table"/> (<c>CREATE STATISTICS</c>).</summary>
    Statistics,

    /// <summary>A SQLite virtual table (<c>CREATE VIRTUAL TABLE … USING module(…)</c>); its shadow tables go with it.</summary>
    VirtualTable,

    /// <summary>
    /// A user-defined cast (<c>CREATE CAST</c>, database-wide, no schema): identified by its source and target types, named
    /// <c>(source AS target)</c> as DDL writes them; the definition is the whole <c>CREATE CAST</c> statement (method and context).
    /// </summary>
    Cast,
}

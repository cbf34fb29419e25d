namespace Strata.Schema;

/// <summary>
/// The word users read for each <see cref="ObjectKind"/>: <c>primary key</c>, <c>check constraint</c>,
/// <c>enum type</c>. One table for every message and summary that names a kind.
/// </summary>
public static class ObjectKindNames
{
    /// <summary>The singular noun for <paramref name="kind"/>, lower case, e.g. <c>materialized view</c>.</summary>
    public static string Noun(ObjectKind kind) => kind switch
    {
        ObjectKind.PrimaryKey => "primary key",
        ObjectKind.ForeignKey => "foreign key",
        ObjectKind.Unique => "unique constraint",
        ObjectKind.Check => "check constraint",
        ObjectKind.Exclusion => "exclusion constraint",
        ObjectKind.MaterializedView => "materialized view",
        ObjectKind.SequenceOwner => "sequence ownership",
        ObjectKind.CompositeType => "composite type",
        ObjectKind.RangeType => "range type",
        ObjectKind.EventTrigger => "event trigger",
        ObjectKind.VirtualTable => "virtual table",
        ObjectKind.Enum => "enum type",
        ObjectKind.DefaultPrivileges => "default privileges",
        ObjectKind.Statistics => "extended statistics",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

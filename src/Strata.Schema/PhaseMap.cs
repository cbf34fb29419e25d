namespace Strata.Schema;

/// <summary>Which phase drops and which creates each kind of object.</summary>
internal static class PhaseMap
{
    /// <summary>
    /// True for objects created after the tables, in dependency order: views, materialized views, and functions or
    /// procedures that need a table (e.g. one returning its row type), and indexes on materialized views.
    /// </summary>
    public static bool IsLate(SchemaObject item, ISet<QualifiedName> relations, ISet<QualifiedName> views) => item.Kind switch
    {
        ObjectKind.View or ObjectKind.MaterializedView => true,
        ObjectKind.Index => item.Table is { } table && views.Contains(table),
        ObjectKind.Function or ObjectKind.Procedure => item.DependsOn.Any(relations.Contains),
        _ => false,
    };

    public static Phase Drop(SchemaObject item, bool late) => item.Kind switch
    {
        ObjectKind.Grant or ObjectKind.Policy or ObjectKind.Trigger => Phase.DropDependants,
        _ when late => Phase.DropViews,
        ObjectKind.ForeignKey => Phase.DropForeignKeys,
        ObjectKind.Index => Phase.DropIndexes,
        ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion => Phase.DropConstraints,
        ObjectKind.SequenceOwner => Phase.DropSequenceOwners,
        ObjectKind.Function or ObjectKind.Procedure => Phase.DropFunctions,
        ObjectKind.Sequence => Phase.DropSequences,
        ObjectKind.Enum or ObjectKind.Domain => Phase.DropTypes,
        ObjectKind.Schema => Phase.DropSchemas,
        _ => Phase.DropExtensions,
    };

    public static Phase Create(SchemaObject item, bool late) => item.Kind switch
    {
        ObjectKind.Grant => Phase.CreateGrants,
        ObjectKind.Policy => Phase.CreatePolicies,
        ObjectKind.Trigger => Phase.CreateTriggers,
        _ when late => Phase.CreateViews,
        ObjectKind.ForeignKey => Phase.CreateForeignKeys,
        ObjectKind.Index => Phase.CreateIndexes,
        ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion => Phase.CreateConstraints,
        ObjectKind.SequenceOwner => Phase.CreateSequenceOwners,
        ObjectKind.Function or ObjectKind.Procedure => Phase.CreateFunctions,
        ObjectKind.Sequence => Phase.CreateSequences,
        ObjectKind.Enum or ObjectKind.Domain => Phase.CreateTypes,
        ObjectKind.Schema => Phase.CreateSchemas,
        _ => Phase.CreateExtensions,
    };

    /// <summary>True for the kinds a dialect with constraints inside the table handles as part of the table.</summary>
    public static bool IsTableConstraint(ObjectKind kind) =>
        kind is ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.ForeignKey or ObjectKind.Exclusion;
}

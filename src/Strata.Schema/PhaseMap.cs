namespace Strata.Schema;

/// <summary>
/// Which phase drops and which creates each kind of object. Within and across phases <see cref="ChangeList"/> then
/// moves a change after what it depends on (a function returning a table's rows after the table, a domain whose check
/// calls a function after the function).
/// </summary>
internal static class PhaseMap
{
    public static Phase Drop(SchemaObject item) => item.Kind switch
    {
        ObjectKind.Grant or ObjectKind.DefaultPrivileges or ObjectKind.Policy or ObjectKind.Trigger or ObjectKind.Rule
            or ObjectKind.EventTrigger or ObjectKind.Publication or ObjectKind.Cast => Phase.DropDependants,
        ObjectKind.View or ObjectKind.MaterializedView => Phase.DropViews,
        ObjectKind.ForeignKey => Phase.DropForeignKeys,
        ObjectKind.Index or ObjectKind.Statistics => Phase.DropIndexes,
        ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion => Phase.DropConstraints,
        ObjectKind.SequenceOwner => Phase.DropSequenceOwners,
        ObjectKind.VirtualTable => Phase.DropTables,
        ObjectKind.Function or ObjectKind.Procedure or ObjectKind.Aggregate or ObjectKind.Operator => Phase.DropFunctions,
        ObjectKind.Sequence => Phase.DropSequences,
        ObjectKind.Enum or ObjectKind.Domain or ObjectKind.CompositeType or ObjectKind.RangeType or ObjectKind.Collation => Phase.DropTypes,
        ObjectKind.Schema => Phase.DropSchemas,
        _ => Phase.DropExtensions,
    };

    public static Phase Create(SchemaObject item) => item.Kind switch
    {
        ObjectKind.Grant or ObjectKind.DefaultPrivileges => Phase.CreateGrants,
        ObjectKind.Policy or ObjectKind.Publication => Phase.CreatePolicies,
        ObjectKind.Trigger or ObjectKind.Rule or ObjectKind.EventTrigger => Phase.CreateTriggers,
        ObjectKind.View or ObjectKind.MaterializedView => Phase.CreateViews,
        ObjectKind.ForeignKey => Phase.CreateForeignKeys,
        ObjectKind.Index or ObjectKind.Statistics => Phase.CreateIndexes,
        ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion => Phase.CreateConstraints,
        ObjectKind.SequenceOwner => Phase.CreateSequenceOwners,
        ObjectKind.VirtualTable => Phase.Tables,
        ObjectKind.Function or ObjectKind.Procedure or ObjectKind.Aggregate or ObjectKind.Operator or ObjectKind.Cast => Phase.CreateFunctions,
        ObjectKind.Sequence => Phase.CreateSequences,
        ObjectKind.Enum or ObjectKind.Domain or ObjectKind.CompositeType or ObjectKind.RangeType or ObjectKind.Collation => Phase.CreateTypes,
        ObjectKind.Schema => Phase.CreateSchemas,
        _ => Phase.CreateExtensions,
    };

    /// <summary>True for the kinds a dialect with constraints inside the table handles as part of the table.</summary>
    public static bool IsTableConstraint(ObjectKind kind) =>
        kind is ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.ForeignKey or ObjectKind.Exclusion;

    /// <summary>True for routines: creating one needs the renderer's preamble.</summary>
    public static bool IsRoutine(ObjectKind kind) => kind is ObjectKind.Function or ObjectKind.Procedure or ObjectKind.Aggregate;

    /// <summary>
    /// True when <paramref name="item"/> must be recreated because <paramref name="dependency"/>, which it depends on,
    /// was replaced: dependants of functions and types always; of tables only those that a column change breaks.
    /// </summary>
    public static bool Follows(SchemaObject item, QualifiedName dependency, ISet<QualifiedName> tables) => item.Kind switch
    {
        ObjectKind.ForeignKey or ObjectKind.Grant or ObjectKind.DefaultPrivileges or ObjectKind.SequenceOwner or ObjectKind.Schema or ObjectKind.Extension => false,
        ObjectKind.Enum or ObjectKind.Domain or ObjectKind.CompositeType or ObjectKind.RangeType or ObjectKind.Collation
            or ObjectKind.Sequence or ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Exclusion or ObjectKind.Publication => !tables.Contains(dependency),
        _ => true,
    };
}

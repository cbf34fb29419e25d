namespace Strata.Codegen.Model;

/// <summary>What a relation is.</summary>
internal enum RelationKind
{
    Table,
    View,
    MaterializedView,
}

namespace Strata.Schema;

/// <summary>The order in which changes run: dependants are dropped first, then what they depend on; creates go the other way.</summary>
internal enum Phase
{
    DropDependants,
    DropViews,
    DropForeignKeys,
    DropIndexes,
    DropConstraints,
    DropSequenceOwners,
    DropTables,
    DropFunctions,
    DropSequences,
    DropTypes,
    DropSchemas,
    DropExtensions,
    CreateExtensions,
    CreateSchemas,
    CreateTypes,
    CreateSequences,
    CreateFunctions,
    Tables,
    CreateConstraints,
    CreateIndexes,
    CreateSequenceOwners,
    CreateForeignKeys,
    CreateViews,
    CreateTriggers,
    CreatePolicies,
    CreateGrants,
}

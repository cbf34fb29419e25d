using Strata.Execution;

namespace Strata.Operations;

/// <summary>One database (or schema) of a fleet run.</summary>
/// <param name="Name">How the target is named in the summary and the ledger, safe to print (no password); unique in a run.</param>
/// <param name="Provider">The dialect for it; each target is locked, read and migrated through its own sessions.</param>
/// <param name="Options">The engine options for it (its history table, hence its lock key), or null for the runner's.</param>
public sealed record FleetTarget(string Name, IDialect Provider, MigratorOptions? Options = null);

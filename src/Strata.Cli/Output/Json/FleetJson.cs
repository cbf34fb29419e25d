namespace Strata.Cli.Output.Json;

/// <summary>
/// A fleet run (<c>--targets</c>) with <c>--json</c>: the run id for <c>--resume</c>, its ledger, one entry per target,
/// counts, and why it stopped early (failure, maxFailures, canary) or null.
/// </summary>
internal sealed record FleetJson(string Command, string Run, string? Ledger, IReadOnlyList<FleetTargetJson> Targets, IReadOnlyDictionary<string, int> Counts, string? Stopped);

/// <summary>One target of a fleet run: outcome (migrated, upToDate, pending, failed, skipped, doneEarlier), applied (or pending) count, head, time, error.</summary>
internal sealed record FleetTargetJson(string Target, string Outcome, int Applied, long? Head, long Ms, string? Error);

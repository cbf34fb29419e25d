namespace Strata.Execution;

/// <summary>One change made by baseline, mark-applied, mark-rolled-back or repair.</summary>
/// <param name="Migration">The migration's display name.</param>
/// <param name="Action">What was done: <c>baseline</c>, <c>mark-applied</c>, <c>mark-rolled-back</c>, <c>repair</c>.</param>
/// <param name="Detail">A short description, e.g. the old and new checksum.</param>
public sealed record HistoryEdit(string Migration, string Action, string Detail);

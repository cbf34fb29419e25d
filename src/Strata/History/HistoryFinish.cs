namespace Strata.History;

/// <summary>Turns a <see cref="MigrationState.Started"/> row into <see cref="MigrationState.Succeeded"/>.</summary>
/// <param name="Version">The version whose row is finished.</param>
/// <param name="ExecutionMs">The total running time to record.</param>
/// <param name="AuditAction">Set when a person finishes it with <c>mark-applied</c>.</param>
public sealed record HistoryFinish(long Version, long ExecutionMs, string? AuditAction = null) : HistoryChange(AuditAction);

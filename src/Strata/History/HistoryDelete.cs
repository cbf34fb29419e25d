namespace Strata.History;

/// <summary>Removes the row of a rolled-back migration. Precondition: the row exists.</summary>
/// <param name="Version">The version, or null with <paramref name="Name"/> for a repeatable.</param>
/// <param name="Name">The migration's slug.</param>
/// <param name="AuditAction">Set for <c>rollback</c> and <c>mark-rolled-back</c>.</param>
public sealed record HistoryDelete(long? Version, string Name, string? AuditAction = null) : HistoryChange(AuditAction);

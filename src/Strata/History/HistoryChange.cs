namespace Strata.History;

/// <summary>
/// A change to the history table. Dialects render each kind to SQL and run it either together with a
/// migration's script (one transaction) or alone. When <see cref="AuditAction"/> is set, the dialect also
/// writes an audit row in the same transaction.
/// </summary>
/// <param name="AuditAction">e.g. <c>repair</c>, <c>mark-applied</c>, <c>rollback</c>; null for plain applies.</param>
public abstract record HistoryChange(string? AuditAction);

namespace Strata.History;

/// <summary>
/// Several changes applied in one transaction: all or none (strata adopt). Fails, changing nothing, when any
/// change's precondition does not hold.
/// </summary>
/// <param name="Changes">The changes, in order; each keeps its own audit action.</param>
public sealed record HistoryBatch(IReadOnlyList<HistoryChange> Changes) : HistoryChange(AuditAction: null);

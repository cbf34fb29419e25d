namespace Strata.History;

/// <summary>
/// Records a migration as applied (or, for a non-transactional one, as started). For a repeatable migration the
/// previous row of the same name is replaced. Precondition: no row for the version exists (repeatable: no row
/// with this name and checksum) — a dialect that cannot rely on a session lock checks it inside the transaction.
/// </summary>
public sealed record HistoryInsert(AppliedMigration Row, string? AuditAction = null) : HistoryChange(AuditAction)
{
    /// <summary>The audit row's detail instead of the row's kind, state and checksum (e.g. where an adopted row came from).</summary>
    public string? Detail { get; init; }
}

namespace Strata.History;

/// <summary><c>strata repair</c>: accept an edited file's new checksum; always audited with both values.</summary>
public sealed record HistoryChecksumUpdate(long? Version, string Name, string OldChecksum, string NewChecksum)
    : HistoryChange("repair");

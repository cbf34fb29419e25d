namespace Strata.Bench;

/// <summary>How one command ran: its wall-clock time, and its peak resident set size when that was measured.</summary>
internal sealed record CommandResult(TimeSpan Elapsed, long? PeakRssKilobytes);

namespace Strata.Bench;

/// <summary>
/// The timed runs of one row of the results (what, by which tool, at which size), or why it was not measured.
/// Median and min–max are over the timed runs; the warm-up run is never among them. <see cref="PeakRss"/> holds the
/// peak resident set size of each timed run, in kilobytes, for the rows that measure memory.
/// </summary>
internal sealed record Measurement(string What, string Tool, int Size, IReadOnlyList<TimeSpan> Samples, string? NotMeasured = null)
{
    public bool HasValue => Samples.Count > 0;

    public IReadOnlyList<long> PeakRss { get; init; } = [];

    public TimeSpan Median
    {
        get
        {
            var sorted = Samples.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public TimeSpan Min => Samples.Min();

    public TimeSpan Max => Samples.Max();

    public static Measurement Missing(string what, string tool, int size, string reason) => new(what, tool, size, [], reason);
}

namespace Strata.Bench;

/// <summary>
/// One tool's part of a <see cref="ToolBench"/> size: its folders, its samples per operation so far, and the first
/// failure that stopped it (the other tools go on). Turned into table rows by <see cref="Results"/>.
/// </summary>
internal sealed class ToolState(IMigrationTool tool, int index, MigrationSet set, string scratch)
{
    public IMigrationTool Tool => tool;

    public string Folder { get; } = Path.Combine(scratch, $"t{index}-{set.Size}");

    public string Migrations => Path.Combine(Folder, "migrations");

    public string Work => Path.Combine(Folder, "work");

    public string Database(int run) => FormattableString.Invariant($"bench_{index}_{set.Size}_{run}");

    public Dictionary<Operation, List<TimeSpan>> Samples { get; } = Enum.GetValues<Operation>().ToDictionary(o => o, _ => new List<TimeSpan>());

    /// <summary>The peak RSS (kilobytes) of each timed run, per operation, where the tool measures it.</summary>
    public Dictionary<Operation, List<long>> PeakRss { get; } = Enum.GetValues<Operation>().ToDictionary(o => o, _ => new List<long>());

    /// <summary>Why the tool is not measured (unavailable, or the first line of its failure), or null while it runs.</summary>
    public string? Stopped { get; set; } = tool.Unavailable;

    public IEnumerable<Measurement> Results() => Enum.GetValues<Operation>().Select(operation =>
        Stopped is { } why ? Measurement.Missing(ToolBench.Describe(operation), tool.Name, set.Size, why)
        : tool.Supports(operation) ? new Measurement(ToolBench.Describe(operation), tool.Name, set.Size, Samples[operation]) { PeakRss = PeakRss[operation] }
        : Measurement.Missing(ToolBench.Describe(operation), tool.Name, set.Size, "not supported by the tool"));
}

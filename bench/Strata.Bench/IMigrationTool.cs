namespace Strata.Bench;

/// <summary>
/// One migration tool under measurement (Strata, the psql limits, a peer). The harness calls
/// <see cref="PrepareAsync"/> once per size to write the tool's own files, then for every run on a fresh database
/// times each operation the tool <see cref="Supports"/>, in <see cref="Operation"/> order. Adding a tool is one class.
/// </summary>
internal interface IMigrationTool
{
    /// <summary>The name in the results table, e.g. <c>dbmate 2.36.0</c>.</summary>
    string Name { get; }

    /// <summary>Why the tool cannot run here (not installed, failed to build), or null when it can.</summary>
    string? Unavailable { get; }

    bool Supports(Operation operation);

    /// <summary>
    /// How many timed runs to make at <paramref name="size"/> when <paramref name="requested"/> were asked for: a
    /// tool far slower than the rest (sqitch) may take fewer, so one harness run stays within an hour.
    /// </summary>
    int TimedRuns(int size, int requested) => requested;

    /// <summary>Writes the migrations of <paramref name="set"/> in the tool's format under <paramref name="folder"/>.</summary>
    Task PrepareAsync(MigrationSet set, string folder);

    /// <summary>Performs <paramref name="operation"/> on <paramref name="run"/>'s database and returns how long it took.</summary>
    Task<TimeSpan> RunAsync(Operation operation, ToolRun run);

    /// <summary>The peak resident set size (kilobytes) of the last <see cref="RunAsync"/>, for tools that measure it (the Strata CLI, applying); else null.</summary>
    long? LastPeakRss => null;
}

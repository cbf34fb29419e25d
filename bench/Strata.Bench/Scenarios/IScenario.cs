namespace Strata.Bench.Scenarios;

/// <summary>
/// One measurement that is not a migration-tool lifecycle (start-up, a test database, introspection, lint): the
/// extension point for rows other branches make measurable. <see cref="ScenarioBench"/> calls
/// <see cref="SetUpAsync"/> once, <see cref="RunOnceAsync"/> for a warm-up and then for each timed run, and
/// <see cref="TearDownAsync"/> at the end. A scenario that cannot run yet says why in <see cref="NotMeasured"/>.
/// </summary>
internal interface IScenario
{
    string What { get; }

    string Tool { get; }

    int Size { get; }

    /// <summary>"not yet measured (needs …)" or another reason, or null when the scenario runs.</summary>
    string? NotMeasured { get; }

    Task SetUpAsync();

    Task<TimeSpan> RunOnceAsync();

    /// <summary>The peak resident set size (kilobytes) of the last <see cref="RunOnceAsync"/>, for scenarios that measure it; else null.</summary>
    long? LastPeakRss => null;

    /// <summary>How many timed runs to make when <paramref name="requested"/> were asked for (a run of minutes may take fewer).</summary>
    int TimedRuns(int requested) => requested;

    /// <summary>Whether an untimed warm-up run comes first (a scenario whose run is long and self-contained may skip it).</summary>
    bool WarmUp => true;

    Task TearDownAsync();
}

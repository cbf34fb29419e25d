namespace Strata.Planning;

/// <summary>The status of every migration of one database, in order (versioned by version, then repeatables).</summary>
public sealed class StatusReport
{
    /// <summary>Returned by <see cref="Execution.Migrator.GetStatusAsync"/> and <see cref="Execution.Migrator.ValidateAsync"/>; callers read it rather than build one.</summary>
    /// <param name="entries">The entries in display order.</param>
    /// <param name="environment">The environment the entries were judged for.</param>
    public StatusReport(IReadOnlyList<MigrationStatusEntry> entries, string environment)
    {
        Entries = entries;
        Environment = environment;
    }

    /// <summary>One entry per migration on disk and per history row without a file, versioned first, then repeatables.</summary>
    public IReadOnlyList<MigrationStatusEntry> Entries { get; }

    /// <summary>
    /// Invalid indexes found when a migration is unfinished (likely left by an interrupted
    /// <c>CREATE INDEX CONCURRENTLY</c>); empty otherwise.
    /// </summary>
    public IReadOnlyList<string> InvalidIndexes { get; init; } = [];

    /// <summary>The environment the report was made for (decides <see cref="MigrationStatusKind.Skipped"/>); empty when none was set.</summary>
    public string Environment { get; }

    /// <summary>How many entries have <paramref name="status"/>.</summary>
    public int Count(MigrationStatusKind status) => Entries.Count(e => e.Status == status);

    /// <summary>The entries that need work or attention: everything but applied, baselined and skipped.</summary>
    public IEnumerable<MigrationStatusEntry> NotClean => Entries.Where(e =>
        e.Status is not (MigrationStatusKind.Applied or MigrationStatusKind.Baselined or MigrationStatusKind.Skipped));

    /// <summary>True when everything is applied and in sync (status exits 0).</summary>
    public bool IsClean => !NotClean.Any();
}

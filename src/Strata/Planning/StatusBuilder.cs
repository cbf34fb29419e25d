using Strata.History;
using Strata.Sources;

namespace Strata.Planning;

/// <summary>Compares the migrations on disk with the history rows. Pure: no database, no clock.</summary>
public static class StatusBuilder
{
    /// <summary>
    /// Builds the status of every migration and history row for <paramref name="environment"/>; null when no
    /// environment was set, which skips every <c>-- strata:env</c> migration.
    /// </summary>
    public static StatusReport Build(
        IReadOnlyList<Migration> migrations,
        IReadOnlyList<AppliedMigration> history,
        string? environment)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(history);
        var rowsByVersion = history.Where(r => r.Version is not null).ToDictionary(r => r.Version!.Value);
        var repeatableRows = history.Where(r => r.Version is null).ToDictionary(r => r.Name, StringComparer.Ordinal);
        var baseline = history.Where(r => r.Kind == HistoryKind.Baseline).Select(r => r.Version).Max();
        var newestApplied = history
            .Where(r => r.Version is not null && r.Kind != HistoryKind.Baseline)
            .Select(r => r.Version!.Value)
            .DefaultIfEmpty(long.MinValue)
            .Max();

        var entries = new List<MigrationStatusEntry>();
        foreach (var m in migrations.Where(m => m.Kind == MigrationKind.Versioned))
        {
            rowsByVersion.Remove(m.Version!.Value, out var row);
            entries.Add(Versioned(m, row, environment, baseline, newestApplied));
        }

        // A baseline at a version no file has (baseline 0 before 001, baseline 15 between 10 and 20) is a marker, not a
        // migration whose file went missing.
        entries.AddRange(rowsByVersion.Values.Select(r => r.Kind == HistoryKind.Baseline ? BaselineMarker(r) : Missing(r)));
        entries.Sort((a, b) => a.Version!.Value.CompareTo(b.Version!.Value));

        foreach (var m in migrations.Where(m => m.Kind == MigrationKind.Repeatable))
        {
            repeatableRows.Remove(m.Name, out var row);
            entries.Add(Repeatable(m, row, environment));
        }

        entries.AddRange(repeatableRows.Values.OrderBy(r => r.Name, StringComparer.Ordinal).Select(Missing));
        return new StatusReport(entries, environment ?? "");
    }

    private static MigrationStatusEntry Versioned(Migration m, AppliedMigration? row, string? environment, long? baseline, long newestApplied)
    {
        var entry = new MigrationStatusEntry { Version = m.Version, Name = m.Name, Migration = m, Applied = row, Status = MigrationStatusKind.Pending };
        if (row is not null)
        {
            return row switch
            {
                { Kind: HistoryKind.Baseline } => entry with { Status = MigrationStatusKind.Baselined, Detail = "baseline" },
                { State: MigrationState.Started } => entry with { Status = MigrationStatusKind.Unfinished, Detail = UnfinishedDetail },
                _ when row.Checksum is not null && !m.Matches(row.Checksum) => entry with
                {
                    Status = MigrationStatusKind.Changed,
                    Detail = $"file edited after it was applied: checksum applied {Short(row.Checksum)}, file now {Short(m.Checksum)}",
                },
                _ when row.Name != m.Name => entry with
                {
                    Status = MigrationStatusKind.Changed,
                    Detail = $"file renamed after it was applied: the history has '{row.Name}'",
                },
                _ => entry with { Status = MigrationStatusKind.Applied },
            };
        }

        if (!m.AppliesTo(environment))
        {
            return entry with { Status = MigrationStatusKind.Skipped, Detail = OnlyIn(m, environment) };
        }

        if (baseline is { } b && m.Version <= b)
        {
            return entry with { Status = MigrationStatusKind.Baselined, Detail = $"below baseline {b}" };
        }

        return m.Version < newestApplied
            ? entry with { Status = MigrationStatusKind.OutOfOrder, Detail = VersionDates.OlderThan(m.Version!.Value, newestApplied) }
            : entry;
    }

    private static MigrationStatusEntry Repeatable(Migration m, AppliedMigration? row, string? environment)
    {
        var entry = new MigrationStatusEntry { Version = null, Name = m.Name, Migration = m, Applied = row, Status = MigrationStatusKind.Pending };
        if (row is null)
        {
            return m.AppliesTo(environment)
                ? entry
                : entry with { Status = MigrationStatusKind.Skipped, Detail = OnlyIn(m, environment) };
        }

        return row.Checksum == m.Checksum
            ? entry with { Status = MigrationStatusKind.Applied }
            : entry with { Status = MigrationStatusKind.Outdated, Detail = "changed since last applied: will be re-applied" };
    }

    private static string OnlyIn(Migration m, string? environment) =>
        "only in " + string.Join(", ", m.Environments) + (environment is null ? "; no environment was set" : "");

    private static MigrationStatusEntry BaselineMarker(AppliedMigration row) => new()
    {
        Version = row.Version,
        Name = row.Name,
        Applied = row,
        Status = MigrationStatusKind.Baselined,
        Detail = $"baseline: migrations up to {row.Version} count as applied",
    };

    private static MigrationStatusEntry Missing(AppliedMigration row) => new()
    {
        Version = row.Version,
        Name = row.Name,
        Applied = row,
        Status = row.State == MigrationState.Started ? MigrationStatusKind.Unfinished : MigrationStatusKind.Missing,
        Detail = row.State == MigrationState.Started
            ? UnfinishedDetail + " (and its file is gone)"
            : "applied, but its file is no longer in the migrations folder",
    };

    private const string UnfinishedDetail = "no-transaction migration started and did not finish";

    private static string Short(string checksum) => checksum.Length > 12 ? checksum[..12] : checksum;
}

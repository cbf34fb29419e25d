using Strata.Errors;
using Strata.History;
using Strata.Planning;

namespace Strata.Execution;

/// <summary>baseline, mark-applied, mark-rolled-back and repair: history changes without running migrations, all audited.</summary>
internal sealed class HistoryEditor
{
    private readonly IDatabaseSession _session;
    private readonly int _batch;

    public HistoryEditor(IDatabaseSession session, int batch)
    {
        _session = session;
        _batch = batch;
    }

    public async Task<IReadOnlyList<HistoryEdit>> BaselineAsync(StatusReport status, long version, CancellationToken ct)
    {
        if (version < 0)
        {
            throw new StrataException(ErrorCategory.BadInput, $"a baseline version is 0 or more (got {version})");
        }

        var applied = status.Entries.Where(e => e.Applied is not null && !e.IsRepeatable).ToList();
        if (applied.Count > 0)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"the history already records {applied.Count} migration(s) (newest {applied[^1].DisplayName}); a baseline only starts an empty history",
                "use `strata mark-applied <version>` to record single migrations");
        }

        var at = status.Entries.FirstOrDefault(e => e.Version == version);
        var row = NewRow(version, at?.Name ?? "baseline", HistoryKind.Baseline, checksum: null);
        await ApplyAsync(new HistoryInsert(row, "baseline"), $"version {version}", ct).ConfigureAwait(false);
        return [new HistoryEdit(at?.DisplayName ?? version.ToString(System.Globalization.CultureInfo.InvariantCulture), "baseline", $"migrations up to {version} count as applied")];
    }

    public async Task<IReadOnlyList<HistoryEdit>> MarkAppliedAsync(StatusReport status, IReadOnlyList<MigrationReference> refs, CancellationToken ct)
    {
        var entries = Resolve(status, refs);
        var edits = new List<HistoryEdit>();
        foreach (var e in entries)
        {
            HistoryChange change = e.Status switch
            {
                MigrationStatusKind.Unfinished when e.Version is { } v => new HistoryFinish(v, e.Applied!.ExecutionMs, "mark-applied"),
                MigrationStatusKind.Pending or MigrationStatusKind.OutOfOrder or MigrationStatusKind.Outdated or MigrationStatusKind.Skipped =>
                    new HistoryInsert(NewRow(e.Version, e.Name, e.IsRepeatable ? HistoryKind.Repeatable : HistoryKind.Marked, e.Migration!.Checksum), "mark-applied"),
                _ => throw new StrataException(
                    ErrorCategory.BadInput,
                    $"{e.DisplayName} is {Describe(e.Status)}; only pending or unfinished migrations can be marked applied",
                    e.Status == MigrationStatusKind.Changed ? "to accept an edited file, run `strata repair`" : null),
            };
            await ApplyAsync(change, e.DisplayName, ct).ConfigureAwait(false);
            edits.Add(new HistoryEdit(e.DisplayName, "mark-applied", e.Status == MigrationStatusKind.Unfinished ? "unfinished run recorded as finished" : "recorded as applied without running"));
        }

        return edits;
    }

    public async Task<IReadOnlyList<HistoryEdit>> MarkRolledBackAsync(StatusReport status, IReadOnlyList<MigrationReference> refs, CancellationToken ct)
    {
        var entries = Resolve(status, refs);
        var edits = new List<HistoryEdit>();
        foreach (var e in entries)
        {
            if (e.Applied is null)
            {
                throw new StrataException(ErrorCategory.BadInput, $"{e.DisplayName} is not in the history, so there is nothing to mark rolled back");
            }

            await ApplyAsync(new HistoryDelete(e.Version, e.Name, "mark-rolled-back"), e.DisplayName, ct).ConfigureAwait(false);
            edits.Add(new HistoryEdit(e.DisplayName, "mark-rolled-back", "removed from the history without running its down script"));
        }

        return edits;
    }

    public async Task<IReadOnlyList<HistoryEdit>> RepairAsync(StatusReport status, CancellationToken ct)
    {
        var edits = new List<HistoryEdit>();
        foreach (var e in status.Entries.Where(e => e.Status == MigrationStatusKind.Changed))
        {
            if (e.Applied!.Checksum is not { } old || old == e.Migration!.Checksum)
            {
                throw new StrataException(
                    ErrorCategory.BadInput,
                    $"{e.DisplayName}: {e.Detail}; repair only accepts edited files",
                    $"rename the file back to {e.Version}_{e.Applied.Name}");
            }

            await ApplyAsync(new HistoryChecksumUpdate(e.Version, e.Name, old, e.Migration.Checksum), e.DisplayName, ct).ConfigureAwait(false);
            edits.Add(new HistoryEdit(e.DisplayName, "repair", $"checksum {old[..12]} -> {e.Migration.Checksum[..12]}"));
        }

        return edits;
    }

    private static List<MigrationStatusEntry> Resolve(StatusReport status, IReadOnlyList<MigrationReference> refs)
    {
        if (refs.Count == 0)
        {
            throw new StrataException(ErrorCategory.BadInput, "no migrations named", "name one or more versions, e.g. `3` or `20240101120000`");
        }

        var found = new List<MigrationStatusEntry>();
        var unknown = new List<Problem>();
        foreach (var r in refs)
        {
            var entry = status.Entries.FirstOrDefault(r.Matches);
            if (entry is null)
            {
                unknown.Add(new Problem(r.ToString(), "no migration file or history row has this version"));
            }
            else
            {
                found.Add(entry);
            }
        }

        return unknown.Count == 0 ? found : throw new ValidationException(unknown, "run `strata status` to see the versions");
    }

    private async Task ApplyAsync(HistoryChange change, string what, CancellationToken ct)
    {
        if (!await _session.History.ApplyAsync(change, ct).ConfigureAwait(false))
        {
            throw new StrataException(ErrorCategory.BadInput, $"{what}: the history changed while this ran (another process?); nothing was changed for it", "run `strata status` and try again");
        }
    }

    private AppliedMigration NewRow(long? version, string name, HistoryKind kind, string? checksum) => new()
    {
        Version = version,
        Name = name,
        Kind = kind,
        Checksum = checksum,
        Batch = _batch,
        AppliedAt = DateTimeOffset.UtcNow,
        AppliedBy = _session.AppliedBy,
    };

    private static string Describe(MigrationStatusKind status) => status switch
    {
        MigrationStatusKind.Applied => "already applied",
        MigrationStatusKind.Changed => "applied and edited since",
        MigrationStatusKind.Missing => "applied but its file is gone",
        MigrationStatusKind.Baselined => "covered by the baseline",
        _ => status.ToString().ToLowerInvariant(),
    };
}

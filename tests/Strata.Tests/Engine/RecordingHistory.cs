using Strata.History;

namespace Strata.Tests.Engine;

/// <summary>The history table of the <see cref="RecordingDialect"/>: its rows in a list, preconditions checked as a dialect must.</summary>
internal sealed class RecordingHistory(RecordingDialect dialect, HistoryTableName name) : IHistoryStore
{
    public HistoryTableName Name { get; } = name;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        dialect.Calls.Add("ensure-created");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AppliedMigration>> ReadAsync(CancellationToken cancellationToken)
    {
        dialect.Calls.Add("read");
        var rows = dialect.StaleHistory ?? dialect.Rows;
        return Task.FromResult<IReadOnlyList<AppliedMigration>>(
            [.. rows.Where(r => r.Version is not null).OrderBy(r => r.Version), .. rows.Where(r => r.Version is null)]);
    }

    public Task<bool> ApplyAsync(HistoryChange change, CancellationToken cancellationToken)
    {
        dialect.Calls.Add("history:" + Describe(change));
        return Task.FromResult(TryApply(change));
    }

    public string Render(HistoryChange change) => "-- history: " + Describe(change);

    /// <summary>Applies <paramref name="change"/> when its precondition holds; false (nothing changed) otherwise.</summary>
    public bool TryApply(HistoryChange change)
    {
        var rows = dialect.Rows;
        switch (change)
        {
            case HistoryInsert { Row.Version: { } v } insert:
                if (rows.Any(r => r.Version == v))
                {
                    return false;
                }

                rows.Add(insert.Row);
                break;
            case HistoryInsert insert:
                if (rows.Any(r => r.Version is null && r.Name == insert.Row.Name && r.Checksum == insert.Row.Checksum))
                {
                    return false;
                }

                rows.RemoveAll(r => r.Version is null && r.Name == insert.Row.Name);
                rows.Add(insert.Row);
                break;
            case HistoryDelete delete:
                if (rows.RemoveAll(r => r.Version == delete.Version && (delete.Version is not null || r.Name == delete.Name)) == 0)
                {
                    return false;
                }

                break;
            case HistoryFinish finish:
                var started = rows.FindIndex(r => r.Version == finish.Version && r.State == MigrationState.Started);
                if (started < 0)
                {
                    return false;
                }

                rows[started] = rows[started] with { State = MigrationState.Succeeded, ExecutionMs = finish.ExecutionMs };
                break;
            case HistoryChecksumUpdate update:
                var edited = rows.FindIndex(r => r.Version == update.Version && r.Name == update.Name && r.Checksum == update.OldChecksum);
                if (edited < 0)
                {
                    return false;
                }

                rows[edited] = rows[edited] with { Checksum = update.NewChecksum };
                break;
            default:
                throw new InvalidOperationException("unknown history change " + change);
        }

        if (change.AuditAction is { } action)
        {
            dialect.Audit.Add(action + " " + Key(change));
        }

        return true;
    }

    public static string Describe(HistoryChange change) => change switch
    {
        HistoryInsert { Row.State: MigrationState.Started } i => $"insert {Key(i)} started",
        HistoryInsert i => $"insert {Key(i)}" + (i.Row.Kind == HistoryKind.Versioned || i.Row.Kind == HistoryKind.Repeatable ? "" : " " + i.Row.Kind.ToString().ToLowerInvariant()),
        HistoryDelete d => $"delete {Key(d)}",
        HistoryFinish f => $"finish {Key(f)}",
        HistoryChecksumUpdate u => $"checksum {Key(u)}",
        _ => change.ToString(),
    };

    private static string Key(HistoryChange change) => change switch
    {
        HistoryInsert i => i.Row.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "R__" + i.Row.Name,
        HistoryDelete d => d.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "R__" + d.Name,
        HistoryFinish f => f.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        HistoryChecksumUpdate u => u.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "R__" + u.Name,
        _ => "?",
    };
}

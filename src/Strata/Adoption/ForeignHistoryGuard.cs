using Strata.Errors;
using Strata.History;

namespace Strata.Adoption;

/// <summary>
/// Keeps Strata from treating a database another tool migrated as empty (issue 14): <c>status</c> and <c>migrate</c>
/// with no Strata history yet, and <c>history.table</c> pointed at another tool's table, stop with exit 2 naming the
/// tool and the <c>strata adopt</c> command that takes it over.
/// </summary>
internal static class ForeignHistoryGuard
{
    /// <summary>Throws (bad input) when Strata's history is empty and another tool's history table records migrations.</summary>
    public static async Task RefuseIfForeignAsync(IForeignHistoryReader reader, CancellationToken ct)
    {
        var found = (await Adopter.FindAsync(ForeignTables.Order, reader, ct).ConfigureAwait(false))
            .Where(h => h.Entries.Count > 0 || h.Unsafe is not null).ToList();
        if (found.Count == 0)
        {
            return;
        }

        var what = string.Join(" and ", found.Select(h => $"{h.Table} ({ForeignTools.Name(h.Tool)}: {Count(h)})"));
        var commands = string.Join(" or ", found.Select(h => $"`strata adopt --from {ForeignTools.Name(h.Tool)}`"));
        throw new StrataException(
            ErrorCategory.BadInput,
            $"Strata's history is empty, but this database was migrated by another tool: {what}; Strata would apply every migration again, so nothing was done",
            $"take the database over with {commands} (`--dry-run` first shows how its rows map to your files); see docs/switching.md");
    }

    /// <summary>The error for <c>history.table</c> naming another tool's table, when reading it as Strata's failed.</summary>
    public static StrataException NotStrataTable(HistoryTableName name, ForeignTool tool, StrataException error) => new(
        ErrorCategory.BadInput,
        $"history.table \"{name}\" (strata.json) is {ForeignTools.Name(tool)}'s history table, not Strata's: Strata cannot keep its history there; nothing was changed",
        $"Strata keeps its own history: remove \"history\" from strata.json (the default is {HistoryTableName.DefaultTable}) or name a table no tool uses, then run `strata adopt --from {ForeignTools.Name(tool)}` to record what {ForeignTools.Name(tool)} applied",
        error);

    private static string Count(ForeignHistory history) =>
        history.IsWatermark ? $"version {history.Entries[0].Key}"
        : history.Unsafe is not null && history.Entries.Count == 0 ? "a failed or locked run"
        : $"{history.Entries.Count} migration(s), newest {history.Entries[^1].Key}";
}

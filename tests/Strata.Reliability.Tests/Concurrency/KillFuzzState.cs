using System.Globalization;
using Strata.TestSupport;

namespace Strata.Reliability.Tests.Concurrency;

/// <summary>
/// What a killed run of the kill-fuzz set (<see cref="MigrationFolders.KillFuzz"/>) left: the history rows, and for
/// each migration whether its objects (table <c>k{v}</c> with its 1000 rows, index <c>k{v}_label_idx</c>) exist.
/// </summary>
/// <param name="History">The versioned history rows as <c>version:state</c>.</param>
/// <param name="Complete">The versions whose objects all exist.</param>
/// <param name="Partial">Descriptions of versions with only some of their objects (always a failure).</param>
public sealed record KillFuzzState(IReadOnlyList<string> History, IReadOnlyList<long> Complete, IReadOnlyList<string> Partial)
{
    /// <summary>Reads the state of <paramref name="database"/> for <paramref name="count"/> migrations.</summary>
    public static async Task<KillFuzzState> ReadAsync(TestDatabase database, int count)
    {
        var complete = new List<long>();
        var partial = new List<string>();
        for (var v = 1; v <= count; v++)
        {
            var table = await database.ScalarAsync<bool>("SELECT to_regclass($1) IS NOT NULL", $"k{v}");
            var index = await database.ScalarAsync<bool>("SELECT to_regclass($1) IS NOT NULL", $"k{v}_label_idx");
            var rows = table ? await database.ScalarAsync<long>($"SELECT count(*) FROM k{v}") : 0;
            if (table && index && rows == 1000)
            {
                complete.Add(v);
            }
            else if (table || index)
            {
                partial.Add($"{v}: table {table}, index {index}, {rows.ToString(CultureInfo.InvariantCulture)} rows");
            }
        }

        return new KillFuzzState(await HistoryRows.RowsAsync(database), complete, partial);
    }

    /// <summary>The versions the history records as succeeded.</summary>
    public IReadOnlyList<long> Succeeded =>
        History.Where(r => r.EndsWith(":succeeded", StringComparison.Ordinal)).Select(r => long.Parse(r.Split(':')[0], CultureInfo.InvariantCulture)).ToList();

    /// <inheritdoc />
    public override string ToString() =>
        $"history [{string.Join(", ", History)}], objects of [{string.Join(", ", Complete)}]{(Partial.Count == 0 ? "" : ", partly: " + string.Join("; ", Partial))}";
}

namespace Strata.Bench.Report;

/// <summary>
/// The issue's targets checked against one run's figures: each row says the target, the measured ratio or time,
/// and whether it holds, misses (by how much) or could not be measured yet. Ratios only: never absolute times.
/// </summary>
internal sealed class Targets(IReadOnlyList<Measurement> results, string strataTool, string psqlLimit, string dbmate)
{
    public IEnumerable<string[]> Rows(int size)
    {
        yield return RatioRow($"apply {Format.Count(size)}: ≤ 1.05× the per-migration psql limit", "apply all", size, psqlLimit, 1.05);
        yield return BelowPeersRow(size);
        yield return RatioRow($"no-op migrate, {Format.Count(size)} applied: no slower than dbmate", "no-op migrate (all applied)", size, dbmate, 1.0);
        yield return RatioRow($"status, {Format.Count(size)} applied: no slower than dbmate", "status (all applied)", size, dbmate, 1.0);
        yield return RatioRow($"rollback {Format.Count(size)}: ≤ 1.1× the psql limit", "rollback all", size, psqlLimit, 1.1);
        yield return ["static lint of 1,000 files: no slower than squawk", "not yet measured (needs the lint command)", "open"];
        yield return ["test database from the warm pool: < 10 ms median", "not yet measured (needs Strata.Testing)", "open"];
        yield return ["reset of a 1,000-table database, three tables touched: < 50 ms", "not yet measured (needs Strata.Testing)", "open"];
        yield return ["cold clone: ≤ 1.2× bare CREATE DATABASE … TEMPLATE", ColdCloneBaseline(), "open"];
    }

    private string[] RatioRow(string target, string what, int size, string baselineTool, double limit)
    {
        var strata = Find(what, strataTool, size);
        var baseline = Find(what, baselineTool, size);
        if (strata is not { HasValue: true } || baseline is not { HasValue: true })
        {
            return [target, $"not measured ({baselineTool}: {baseline?.NotMeasured ?? "missing"}; Strata: {strata?.NotMeasured ?? "missing"})", "open"];
        }

        var ratio = strata.Median / baseline.Median;
        var verdict = ratio <= limit ? "holds" : $"misses by {Format.Ratio(ratio / limit)}";
        return [target, $"{Format.Ratio(ratio)} ({Format.Time(strata.Median)} vs {Format.Time(baseline.Median)})", verdict];
    }

    private string[] BelowPeersRow(int size)
    {
        var target = $"apply {Format.Count(size)}: below every peer";
        var strata = Find("apply all", strataTool, size);
        var peers = results.Where(r => r.What == "apply all" && r.Size == size && r.HasValue && !IsOwn(r.Tool)).ToList();
        if (strata is not { HasValue: true } || peers.Count == 0)
        {
            return [target, "not measured (run with --peers)", "open"];
        }

        var fastest = peers.MinBy(p => p.Median)!;
        var verdict = strata.Median < fastest.Median ? "holds" : $"misses: {fastest.Tool} is faster";
        return [target, $"{Format.Ratio(strata.Median / fastest.Median)} of the fastest peer ({fastest.Tool})", verdict];
    }

    private string ColdCloneBaseline()
    {
        var bare = results.FirstOrDefault(r => r.What.StartsWith("CREATE DATABASE", StringComparison.Ordinal) && r.HasValue);
        return bare is null
            ? "not yet measured (needs Strata.Testing)"
            : $"not yet measured (needs Strata.Testing); the bare copy takes {Format.Time(bare.Median)} ({bare.What})";
    }

    private static bool IsOwn(string tool) => tool.StartsWith("psql", StringComparison.Ordinal) || tool.StartsWith("Strata", StringComparison.Ordinal);

    private Measurement? Find(string what, string tool, int size) =>
        results.FirstOrDefault(r => r.What == what && r.Tool == tool && r.Size == size);
}

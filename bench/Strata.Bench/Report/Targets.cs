namespace Strata.Bench.Report;

/// <summary>
/// The issue's targets checked against one run's figures: each row says the target, the measured ratio or time,
/// and whether it holds, misses (by how much) or could not be measured yet. Ratios only: never absolute times.
/// </summary>
internal sealed class Targets(IReadOnlyList<Measurement> results, string strataTool, string psqlLimit, string dbmate)
{
    /// <summary>The target rows; those about applying, no-op, status and rollback only when <paramref name="size"/> was run.</summary>
    public IEnumerable<string[]> Rows(int? size)
    {
        if (size is { } migrations)
        {
            foreach (var row in ToolRows(migrations))
            {
                yield return row;
            }
        }

        yield return LintRow();
        yield return Below("codegen of a 1,000-table schema (C# and TypeScript, files written): < 2 s", "codegen of a 1,000-table schema", TimeSpan.FromSeconds(2));
        yield return Below("test database from the warm pool: < 10 ms median", "test database from the warm pool (1,000 tables)", TimeSpan.FromMilliseconds(10));
        yield return Below("reset of a 1,000-table database, three tables touched: < 50 ms", "test database by reset (3 of 1,000 tables touched)", TimeSpan.FromMilliseconds(50));
        yield return ColdCloneRow();
        yield return SchemaRow(Scenarios.SchemaCommand.Diff);
        yield return SchemaRow(Scenarios.SchemaCommand.Push);
        yield return PushFloorRow();
        foreach (var row in FleetRows())
        {
            yield return row;
        }
    }

    /// <summary>Issue 21: a fleet run against the shell loop of the CLI users have today, as a ratio (no fixed target: faster is the claim).</summary>
    private IEnumerable<string[]> FleetRows()
    {
        var fleets = results.Where(r => r.What.StartsWith("fleet of ", StringComparison.Ordinal)).GroupBy(r => r.What);
        foreach (var fleet in fleets)
        {
            var target = $"{fleet.Key}: fleet run faster than a shell loop of strata migrate";
            var run = fleet.FirstOrDefault(r => r.Tool.StartsWith("strata migrate --targets", StringComparison.Ordinal) && r.HasValue);
            var loop = fleet.FirstOrDefault(r => r.Tool.StartsWith("shell loop", StringComparison.Ordinal) && r.HasValue);
            if (run is null || loop is null)
            {
                yield return [target, "not measured in this run", "open"];
                continue;
            }

            var ratio = run.Median / loop.Median;
            yield return [target, $"{Format.Ratio(ratio)} ({Format.Time(run.Median)} vs {Format.Time(loop.Median)})", ratio < 1 ? "holds" : "misses"];
        }
    }

    private string[] SchemaRow(Scenarios.SchemaCommand command)
    {
        var size = ToolSet.SchemaSize;
        var target = $"{(command == Scenarios.SchemaCommand.Diff ? "diff" : "push")} of a {size}-table schema: ≤ 1.5× pg_dump --schema-only";
        var dump = results.FirstOrDefault(r => r.What == Scenarios.SchemaCommandScenario.WhatOf(Scenarios.SchemaCommand.Dump, size) && r.HasValue);
        var strata = results.FirstOrDefault(r => r.What == Scenarios.SchemaCommandScenario.WhatOf(command, size) && r.HasValue);
        if (dump is null || strata is null)
        {
            return [target, "not measured in this run", "open"];
        }

        var ratio = strata.Median / dump.Median;
        return [target, $"{Format.Ratio(ratio)} ({Format.Time(strata.Median)} vs {Format.Time(dump.Median)})", ratio <= 1.5 ? "holds" : $"misses by {Format.Ratio(ratio / 1.5)}"];
    }

    /// <summary>
    /// push against psql -1 -f of its own script: the server's time for the DDL is the floor no client can go under
    /// (ADR 026), so this ratio is what push itself adds (reading both sides, the diff, start-up).
    /// </summary>
    private string[] PushFloorRow()
    {
        var size = ToolSet.SchemaSize;
        var target = $"push of a {size}-table schema: ≤ 1.5× psql -1 -f of its own script";
        var floor = results.FirstOrDefault(r => r.What == Scenarios.SchemaCommandScenario.WhatOf(Scenarios.SchemaCommand.PushScriptByPsql, size) && r.HasValue);
        var push = results.FirstOrDefault(r => r.What == Scenarios.SchemaCommandScenario.WhatOf(Scenarios.SchemaCommand.Push, size) && r.HasValue);
        if (floor is null || push is null)
        {
            return [target, "not measured in this run", "open"];
        }

        var ratio = push.Median / floor.Median;
        return [target, $"{Format.Ratio(ratio)} ({Format.Time(push.Median)} vs {Format.Time(floor.Median)})", ratio <= 1.5 ? "holds" : $"misses by {Format.Ratio(ratio / 1.5)}"];
    }

    private IEnumerable<string[]> ToolRows(int size)
    {
        yield return RatioRow($"apply {Format.Count(size)}: ≤ 1.05× the per-migration psql limit", "apply all", size, psqlLimit, 1.05);
        yield return BelowPeersRow(size);
        yield return RatioRow($"no-op migrate, {Format.Count(size)} applied: no slower than dbmate", "no-op migrate (all applied)", size, dbmate, 1.0);
        yield return RatioRow($"status, {Format.Count(size)} applied: no slower than dbmate", "status (all applied)", size, dbmate, 1.0);
        yield return RatioRow($"rollback {Format.Count(size)}: ≤ 1.1× the psql limit", "rollback all", size, psqlLimit, 1.1);
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

    private string[] LintRow()
    {
        const string target = "static lint of 1,000 files: no slower than squawk";
        const string what = "static lint of 1,000 files";
        var strata = results.FirstOrDefault(r => r.What == what && r.Tool != "squawk");
        var squawk = results.FirstOrDefault(r => r.What == what && r.Tool == "squawk");
        if (strata is not { HasValue: true } || squawk is not { HasValue: true })
        {
            return [target, $"not measured (squawk: {squawk?.NotMeasured ?? "missing"}; Strata: {strata?.NotMeasured ?? "missing"})", "open"];
        }

        var ratio = strata.Median / squawk.Median;
        return [target, $"{Format.Ratio(ratio)} ({Format.Time(strata.Median)} vs {Format.Time(squawk.Median)})", ratio <= 1.0 ? "holds" : $"misses by {Format.Ratio(ratio)}"];
    }

    private string[] Below(string target, string what, TimeSpan limit)
    {
        var row = results.FirstOrDefault(r => r.What == what && r.HasValue);
        if (row is null)
        {
            return [target, "not measured in this run", "open"];
        }

        var verdict = row.Median <= limit ? "holds" : $"misses by {Format.Ratio(row.Median / limit)}";
        return [target, $"{Format.Time(row.Median)} ({row.Tool})", verdict];
    }

    private string[] ColdCloneRow()
    {
        const string target = "cold clone: ≤ 1.2× bare CREATE DATABASE … TEMPLATE";
        var bare = results.FirstOrDefault(r => r.What.StartsWith("CREATE DATABASE", StringComparison.Ordinal) && r.HasValue);
        var clone = results.FirstOrDefault(r => r.What.StartsWith("test database from a cold clone", StringComparison.Ordinal) && r.HasValue);
        if (bare is null || clone is null)
        {
            return [target, "not measured in this run", "open"];
        }

        var ratio = clone.Median / bare.Median;
        return [target, $"{Format.Ratio(ratio)} ({Format.Time(clone.Median)} vs {Format.Time(bare.Median)})", ratio <= 1.2 ? "holds" : $"misses by {Format.Ratio(ratio / 1.2)}"];
    }

    private static bool IsOwn(string tool) => tool.StartsWith("psql", StringComparison.Ordinal) || tool.StartsWith("Strata", StringComparison.Ordinal);

    private Measurement? Find(string what, string tool, int size) =>
        results.FirstOrDefault(r => r.What == what && r.Tool == tool && r.Size == size);
}

using Strata.Schema;

namespace Strata.Lint;

/// <summary>
/// Puts the static and measured findings together, file by file in migration order, and with <c>--against</c> weighs
/// them by the target's table sizes (<see cref="LintThresholds"/>). Weighed: <c>measured-rewrite</c>, and the static
/// rules whose cost grows with the table (a rewrite, scan or index build under the lock) on a statement that the
/// measurement saw rewrite or write-lock an existing table. A lock alone is not weighed: an instant catalog change
/// holds it for milliseconds whatever the size. A severity set in strata.json's <c>lint.rules</c> is never weighed.
/// </summary>
internal static class LintWeigher
{
    private static readonly HashSet<LintRule> GrowsWithTable =
    [
        LintRules.MeasuredRewrite, LintRules.AlterColumnType, LintRules.SetNotNull, LintRules.CreateIndexNonConcurrently,
        LintRules.ForeignKeyWithoutNotValid, LintRules.CheckWithoutNotValid, LintRules.UniqueWithoutIndex, LintRules.VolatileDefault,
    ];

    /// <summary>The tables whose sizes the weighing needs: those of measured findings, and those statements with static findings rewrote or locked.</summary>
    public static IReadOnlyCollection<QualifiedName> Tables(LintReport report, MeasureOutcome measured)
    {
        var tables = new SortedSet<QualifiedName>(measured.Tables.Values);
        foreach (var finding in report.Findings)
        {
            tables.UnionWith(measured.Blocking.GetValueOrDefault((finding.File, finding.Line)) ?? []);
        }

        return tables;
    }

    /// <summary>
    /// The combined result; <paramref name="sizes"/> (from the --against database) is null without <c>--against</c>,
    /// and then nothing is weighed.
    /// </summary>
    public static LintResult Combine(
        LintReport report, MeasureOutcome measured, IReadOnlyDictionary<QualifiedName, TableSize>? sizes, LintThresholds thresholds, LintOptions options, string? against)
    {
        var weights = new Dictionary<LintFinding, TableWeight>(ReferenceEqualityComparer.Instance);
        LintFinding Weigh(LintFinding finding, IEnumerable<QualifiedName> tables)
        {
            if (sizes is null || !tables.Any())
            {
                return finding;
            }

            var heaviest = tables.Select(t => new TableWeight(t, sizes.GetValueOrDefault(t)))
                .OrderByDescending(w => w.Severity(thresholds) ?? LintSeverity.Off)
                .ThenByDescending(w => w.Size?.Rows ?? -1)
                .First();
            var fixedByUser = options.Severities.ContainsKey(finding.Rule.Id);
            var weighed = GrowsWithTable.Contains(finding.Rule) && !fixedByUser && heaviest.Severity(thresholds) is { } severity
                ? finding with { Severity = severity }
                : finding;
            weights[weighed] = heaviest;
            return weighed;
        }

        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var migration in measured.Migrations)
        {
            rank.TryAdd(migration.Migration.SourcePath, rank.Count);
        }

        int Rank(LintFinding f) => rank.TryGetValue(f.File, out var r) ? r : int.MaxValue;
        var statics = report.Findings.Select(f => (Finding: Weigh(f, f.Line > 0 ? measured.Blocking.GetValueOrDefault((f.File, f.Line)) ?? [] : []), Group: 0));
        var measuredFindings = measured.Findings.Select(f => (Finding: Weigh(f, measured.Tables.TryGetValue(f, out var t) ? [t] : []), Group: 1));
        var findings = statics.Concat(measuredFindings)
            .OrderBy(x => Rank(x.Finding))
            .ThenBy(x => x.Group)
            .ThenBy(x => x.Group == 0 ? 0 : x.Finding.Line == 0 ? int.MaxValue : x.Finding.Line)
            .Select(x => x.Finding)
            .ToList();
        return new LintResult(new LintReport(report.Files, findings, report.Suppressed + measured.Suppressed), measured, weights, against);
    }
}

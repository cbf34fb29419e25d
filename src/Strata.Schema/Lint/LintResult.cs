namespace Strata.Lint;

/// <summary>
/// Everything <c>strata lint</c> prints: the findings with their final severities (static and measured, file by file),
/// the measured migrations, the size of the table each finding is about (with <c>--against</c>), and the target.
/// </summary>
/// <param name="Report">The findings and counts; errors make the run exit 3.</param>
/// <param name="Measured">What measuring found (empty for a static run).</param>
/// <param name="Weights">The table and its size, per finding (by reference), with <c>--against</c>.</param>
/// <param name="Against">The <c>--against</c> database, safe to print, or null.</param>
public sealed record LintResult(LintReport Report, MeasureOutcome Measured, IReadOnlyDictionary<LintFinding, TableWeight> Weights, string? Against)
{
    /// <summary>A static run's result.</summary>
    public static LintResult Static(LintReport report) =>
        new(report, MeasureOutcome.None, new Dictionary<LintFinding, TableWeight>(), null);

    /// <summary>True when measuring was asked for (even if nothing was pending).</summary>
    public bool IsMeasured => !ReferenceEquals(Measured, MeasureOutcome.None);

    /// <summary>The table weight of <paramref name="finding"/>, if it has one.</summary>
    public TableWeight? WeightOf(LintFinding finding) => Weights.TryGetValue(finding, out var weight) ? weight : null;

    /// <summary>The measured migration of <paramref name="file"/>, if it was pending and measured (or meant to be).</summary>
    public MeasuredMigration? MeasuredFile(string file) => Measured.Migrations.FirstOrDefault(m => m.Migration.SourcePath == file);
}

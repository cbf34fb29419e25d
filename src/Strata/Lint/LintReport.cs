namespace Strata.Lint;

/// <summary>What <see cref="Linter"/> found in a set of files, in migration order, then by line and column.</summary>
/// <param name="Files">How many files were read.</param>
/// <param name="Findings">Every finding that was not suppressed or turned off.</param>
/// <param name="Suppressed">How many findings <c>-- strata:lint-ignore</c> comments suppressed.</param>
public sealed record LintReport(int Files, IReadOnlyList<LintFinding> Findings, int Suppressed)
{
    /// <summary>The number of findings with severity <see cref="LintSeverity.Error"/>.</summary>
    public int Errors => Findings.Count(f => f.Severity == LintSeverity.Error);

    /// <summary>The number of findings with severity <see cref="LintSeverity.Warning"/>.</summary>
    public int Warnings => Findings.Count(f => f.Severity == LintSeverity.Warning);

    /// <summary>The number of findings with severity <see cref="LintSeverity.Note"/>.</summary>
    public int Notes => Findings.Count(f => f.Severity == LintSeverity.Note);
}

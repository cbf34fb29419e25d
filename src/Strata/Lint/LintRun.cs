using Strata.Errors;
using Strata.Sources;

namespace Strata.Lint;

/// <summary>
/// What <see cref="MigrationLint.RunAsync"/> found: the static report, or (measuring asked for on PostgreSQL) the
/// migrations the measured half is to run over.
/// </summary>
public sealed class LintRun
{
    internal LintRun(LintOptions options, LintReport? report, IReadOnlyList<Migration>? measure)
    {
        Options = options;
        Report = report;
        Measure = measure;
    }

    /// <summary>The linter options strata.json gave (severities, style pack, dialect).</summary>
    public LintOptions Options { get; }

    /// <summary>The findings and counts (errors: <c>strata lint</c> exits 3), or null when <see cref="Measure"/> is set.</summary>
    public LintReport? Report { get; }

    /// <summary>
    /// Measuring was asked for and the configured database is PostgreSQL: the migrations named by
    /// <see cref="LintRequest.Files"/> to limit it to (empty: everything pending); null for a static run.
    /// </summary>
    public IReadOnlyList<Migration>? Measure { get; }

    /// <summary>
    /// True when the configured SQLite file does not exist (yet): it has no history, so every file was linted as with
    /// <see cref="LintRequest.Offline"/>. Lint never creates it.
    /// </summary>
    public bool NoHistory { get; init; }

    /// <summary>
    /// Measuring was asked for but the configured database cannot be measured (SQLite): the static report is complete,
    /// and this error (bad input) is to be reported after it. Null otherwise.
    /// </summary>
    public StrataException? NotMeasured { get; init; }
}

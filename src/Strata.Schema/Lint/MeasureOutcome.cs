using Strata.Schema;

namespace Strata.Lint;

/// <summary>
/// What <see cref="LintMeasurer"/> found: every pending migration with its measurement, the measured findings (after
/// strata.json severities and <c>strata:lint-ignore</c> comments), the table each finding is about, and per statement
/// the existing tables it rewrote or locked against writes (to weigh static findings on the same statement).
/// </summary>
public sealed class MeasureOutcome
{
    internal MeasureOutcome()
    {
    }

    /// <summary>Nothing measured (a static run).</summary>
    public static MeasureOutcome None { get; } = new();

    /// <summary>The pending migrations, in the order they run.</summary>
    public List<MeasuredMigration> Migrations { get; } = [];

    /// <summary>The measured findings.</summary>
    public List<LintFinding> Findings { get; } = [];

    /// <summary>The table a measured finding is about (by reference: equal findings may be about different tables).</summary>
    public Dictionary<LintFinding, QualifiedName> Tables { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Per <c>file:line</c> of a statement: the existing tables it rewrote or held a write-blocking lock on.</summary>
    public Dictionary<(string File, int Line), List<QualifiedName>> Blocking { get; } = [];

    /// <summary>The database a copy of which the migrations ran on (<c>--copy-of</c>, safe to print), or null for a scratch database.</summary>
    public string? CopyOf { get; internal set; }

    /// <summary>How many measured findings <c>strata:lint-ignore</c> comments silenced.</summary>
    public int Suppressed { get; internal set; }

    /// <summary>How many migrations were measured (failed ones included).</summary>
    public int MeasuredCount => Migrations.Count(m => m.Measurement is not null);
}

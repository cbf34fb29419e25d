using System.Globalization;
using Strata.Schema;

namespace Strata.Lint;

/// <summary>The table a finding is about and its size on the <c>--against</c> database (null: the target has no such relation).</summary>
/// <param name="Table">The table, as named on the scratch database.</param>
/// <param name="Size">Its rows and bytes on the target, or null when the target does not have it.</param>
public sealed record TableWeight(QualifiedName Table, TableSize? Size)
{
    /// <summary>
    /// The severity its size gives a finding about a rewrite or a scan under lock: a table the target does not have is
    /// created by a pending migration, so it is empty when this one runs (note); null for a relation that holds no rows
    /// (a view, a sequence), which is not weighed.
    /// </summary>
    public LintSeverity? Severity(LintThresholds thresholds) => Size switch
    {
        null => LintSeverity.Note,
        { HoldsRows: false } => null,
        var size => thresholds.Weigh(size.Rows, size.Bytes),
    };

    /// <summary><c>public.orders: ~12,000,000 rows, 1.4 GB</c>, <c>public.tags: new table</c>.</summary>
    public override string ToString() => Size switch
    {
        null => $"{Table}: new table",
        { HoldsRows: false } => $"{Table}: not a table",
        var size => $"{Table}: ~{size.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows, {LintThresholds.FormatBytes(size.Bytes)}",
    };
}

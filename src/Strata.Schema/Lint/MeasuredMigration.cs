using Strata.Schema;
using Strata.Sources;

namespace Strata.Lint;

/// <summary>
/// One pending migration of a <c>strata lint --measure</c> run: what running it on the scratch database did (null when
/// it was not measured), the schema changes it made (before against after), and a note for people.
/// </summary>
/// <param name="Migration">The migration.</param>
/// <param name="Measurement">Locks, rewrites and schemas, or null when measuring stopped before it.</param>
/// <param name="Changes">The schema diff from before to after it, or null when it failed or was not measured.</param>
/// <param name="Note">How it was measured, or why not.</param>
public sealed record MeasuredMigration(Migration Migration, MigrationMeasurement? Measurement, SchemaDiff? Changes, string Note)
{
    /// <summary><c>measured</c>, <c>failed</c> or <c>not-measured</c>.</summary>
    public string Status => Measurement is null ? "not-measured" : Measurement.Failure is null ? "measured" : "failed";

    /// <summary>The relations a rewrite gave a new data file, in statement order.</summary>
    public IEnumerable<(ProbedRelation Relation, int Line)> Rewrites =>
        Measurement?.Statements.SelectMany(s => s.Rewritten.Select(r => (r, s.Line))) ?? [];
}

namespace Strata.PostgreSql.Measuring;

/// <summary>What one statement of a measured migration did: the locks it added and the relations it rewrote.</summary>
/// <param name="Line">The statement's 1-based line in the file.</param>
/// <param name="Column">Its 1-based column.</param>
/// <param name="FirstLine">Its first line, for context.</param>
/// <param name="NewLocks">Locks on relations that existed before the migration, first held after this statement.</param>
/// <param name="Rewritten">Relations that existed before the migration and got a new data file in this statement.</param>
internal sealed record StatementMeasurement(int Line, int Column, string FirstLine, IReadOnlyList<HeldLock> NewLocks, IReadOnlyList<ProbedRelation> Rewritten);

namespace Strata.Schema;

/// <summary>What one statement of a measured migration did: the locks it added, the relations it rewrote, how long it ran.</summary>
/// <param name="Line">The statement's 1-based line in the file.</param>
/// <param name="Column">Its 1-based column.</param>
/// <param name="Text">Its whole text.</param>
/// <param name="NewLocks">Locks on relations that existed before the migration, first held after this statement.</param>
/// <param name="Rewritten">Relations that existed before the migration and got a new data file in this statement.</param>
/// <param name="Elapsed">How long the statement ran (its round trip; Strata's catalog reads between statements are not in it).</param>
public sealed record StatementMeasurement(int Line, int Column, string Text, IReadOnlyList<HeldLock> NewLocks, IReadOnlyList<ProbedRelation> Rewritten, TimeSpan Elapsed)
{
    /// <summary>The statement's first line, for the terminal.</summary>
    public string FirstLine => Text.Split('\n', 2)[0].TrimEnd('\r', ' ', '\t');
}

namespace Strata.Schema;

/// <summary>A relation lock the migration's session held (<c>pg_locks</c>), in PostgreSQL's words: <c>ACCESS EXCLUSIVE</c>, <c>SHARE</c>, ….</summary>
/// <param name="Relation">The locked relation (one that existed before the migration).</param>
/// <param name="Mode">The lock mode, e.g. <c>ACCESS EXCLUSIVE</c>.</param>
public sealed record HeldLock(ProbedRelation Relation, string Mode)
{
    private static readonly string[] Order =
        ["ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"];

    /// <summary>1 (ACCESS SHARE) to 8 (ACCESS EXCLUSIVE): each mode conflicts with at least what the weaker ones do.</summary>
    public int Strength => Array.IndexOf(Order, Mode) + 1;

    /// <summary>True for ACCESS EXCLUSIVE: reads wait too.</summary>
    public bool BlocksReads => Mode == "ACCESS EXCLUSIVE";

    /// <summary>True for SHARE and stronger: inserts, updates and deletes wait.</summary>
    public bool BlocksWrites => Strength >= 5;

    /// <summary><c>AccessExclusiveLock</c> (as <c>pg_locks.mode</c> says it) as <c>ACCESS EXCLUSIVE</c>.</summary>
    public static string ModeOf(string pgLocksMode)
    {
        ArgumentNullException.ThrowIfNull(pgLocksMode);
        var text = new System.Text.StringBuilder();
        var name = pgLocksMode.EndsWith("Lock", StringComparison.Ordinal) ? pgLocksMode[..^4] : pgLocksMode;
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToUpperInvariant(c));
        }

        return text.ToString();
    }
}

namespace Strata.Schema;

/// <summary>
/// How long a measured migration held one of its locks: from the start of the statement that took it to the end of
/// the transaction (the run times of that statement and every later one, plus the commit or rollback). Strata's own
/// catalog reads between statements are not counted, so this is what the migration holds when it runs for real.
/// </summary>
/// <param name="Lock">The lock and the relation it is on.</param>
/// <param name="Line">The line of the statement that took it.</param>
/// <param name="Held">How long it was held.</param>
/// <param name="Statement">How long the statement that took it ran.</param>
public sealed record LockHold(HeldLock Lock, int Line, TimeSpan Held, TimeSpan Statement)
{
    /// <summary>
    /// The holds of a transactional measurement, in statement order; none for a no-transaction one (each of its
    /// statements releases its locks as it commits, after its own run time).
    /// </summary>
    public static IReadOnlyList<LockHold> Of(MigrationMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        if (!measurement.Transactional)
        {
            return [];
        }

        var holds = new List<LockHold>();
        var statements = measurement.Statements;
        for (var i = 0; i < statements.Count; i++)
        {
            var held = statements.Skip(i).Aggregate(measurement.Ending, (total, s) => total + s.Elapsed);
            holds.AddRange(statements[i].NewLocks.Select(l => new LockHold(l, statements[i].Line, held, statements[i].Elapsed)));
        }

        return holds;
    }
}

using Strata.Errors;

namespace Strata.Schema;

/// <summary>
/// What running one migration on a scratch database did, from <see cref="IMigrationProbe"/>: per statement, the locks
/// it took and the relations it rewrote; the locks held at the end (transactional migrations only: in a no-transaction
/// migration each statement commits and releases its locks); the schema before and after; or the failure.
/// </summary>
/// <param name="Transactional">False for a <c>-- strata:no-transaction</c> migration, which ran for real.</param>
/// <param name="Statements">The statements that ran (up to and without the failing one).</param>
/// <param name="LocksAtEnd">The relation locks held just before the rollback (empty for no-transaction migrations).</param>
/// <param name="Before">The schema before the migration.</param>
/// <param name="After">The schema after it (inside its transaction for a transactional one); null when it failed.</param>
/// <param name="Failure">The failure, at its file position with the server's message; null when every statement ran.</param>
public sealed record MigrationMeasurement(
    bool Transactional,
    IReadOnlyList<StatementMeasurement> Statements,
    IReadOnlyList<HeldLock> LocksAtEnd,
    DatabaseSchema Before,
    DatabaseSchema? After,
    MigrationFailedException? Failure)
{
    /// <summary>How long the transaction's COMMIT (on a copy) or ROLLBACK (on a scratch database) took.</summary>
    public TimeSpan Ending { get; init; }

    /// <summary>True when the migration ran on a copy of a real database and was committed there (its rows made its times real).</summary>
    public bool Kept { get; init; }

    /// <summary>The total run time of its statements.</summary>
    public TimeSpan Elapsed => Statements.Aggregate(Ending, (total, s) => total + s.Elapsed);
}

namespace Strata.History;

/// <summary>Whether a history row describes a finished migration.</summary>
public enum MigrationState
{
    /// <summary>The migration finished (transactional ones are only ever recorded in this state).</summary>
    Succeeded,

    /// <summary>
    /// A <c>-- strata:no-transaction</c> migration started and did not finish: the database may hold part of
    /// it. Strata refuses to go on until a person resolves it with <c>mark-applied</c> or <c>mark-rolled-back</c>.
    /// </summary>
    Started,
}

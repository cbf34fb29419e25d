namespace Strata.Adoption;

/// <summary>
/// Read-only queries on another tool's history table, for <c>strata adopt</c>. A database session implements it when
/// its dialect supports adoption (PostgreSQL).
/// </summary>
public interface IForeignHistoryReader
{
    /// <summary>
    /// The rows of <paramref name="sql"/> (a SELECT; values as the driver returns them, DBNull as null), or null when
    /// a table or column it names does not exist. Runs in a read-only transaction.
    /// </summary>
    Task<IReadOnlyList<object?[]>?> QueryAsync(string sql, CancellationToken cancellationToken);
}

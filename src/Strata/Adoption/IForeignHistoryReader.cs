namespace Strata.Adoption;

/// <summary>
/// Read-only queries on another tool's history table, for <c>strata adopt</c> and the guard that keeps Strata from
/// reading a database another tool migrated as empty. A database session implements it when its dialect supports
/// adoption (PostgreSQL, SQLite).
/// </summary>
public interface IForeignHistoryReader
{
    /// <summary>
    /// Which of the tables <paramref name="names"/> (as the tools name them: <c>knex_migrations</c>,
    /// <c>drizzle.__drizzle_migrations</c>, <c>"__EFMigrationsHistory"</c>) this database holds, each mapped to how a
    /// query names the table found. Names the dialect cannot hold (a schema on SQLite) are simply not found.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> FindTablesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>
    /// The rows of <paramref name="sql"/> (a SELECT; values as the driver returns them, DBNull as null), or null when
    /// a table or column it names does not exist. Runs read-only.
    /// </summary>
    Task<IReadOnlyList<object?[]>?> QueryAsync(string sql, CancellationToken cancellationToken);
}

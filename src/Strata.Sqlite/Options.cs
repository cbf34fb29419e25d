namespace Strata.Sqlite;

/// <summary>
/// Tuning for <see cref="SqliteDialect"/>, given by the CLI or a library caller; <c>new SqliteOptions()</c> (or null)
/// is the common case.
/// </summary>
public sealed record SqliteOptions
{
    /// <summary>
    /// How long a writer waits for another writer's transaction (SQLite's busy timeout). Each migration runs in
    /// its own <c>BEGIN IMMEDIATE</c> transaction, so this is also how long a second runner waits for the first.
    /// Zero means "do not wait", which still takes up to one second (the smallest retry window of Microsoft.Data.Sqlite).
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether migrations run with foreign keys enforced. Default false: as SQLite itself, the <c>sqlite3</c> shell,
    /// Knex, dbmate, golang-migrate and Diesel run a file, so a table rebuild written without
    /// <c>PRAGMA foreign_keys = OFF</c> cascades nothing when it drops the old table (ADR 032). A migration whose first
    /// statements say <c>PRAGMA foreign_keys = ON</c> (or OFF) runs as it says either way.
    /// </summary>
    public bool ForeignKeys { get; init; }
}

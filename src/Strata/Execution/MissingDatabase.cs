namespace Strata.Execution;

/// <summary>
/// What a dialect does when the database a session is opened on does not exist yet. Only SQLite can meet this (a
/// missing file); PostgreSQL never creates a database by connecting, so it ignores the setting.
/// </summary>
public enum MissingDatabase
{
    /// <summary>Create it (SQLite: an empty file): for sessions that write, such as migrate and baseline.</summary>
    Create,

    /// <summary>
    /// Refuse with a <see cref="Errors.DatabaseUnavailableException"/> ("database not found", naming the path) and
    /// create nothing: for sessions that only read (status, validate) or only undo (rollback, repair).
    /// </summary>
    Refuse,

    /// <summary>
    /// Read it as an empty database and create nothing (SQLite: an in-memory database stands in): for a dry run of
    /// migrate, which plans what the real run would do on the database it would create.
    /// </summary>
    ReadAsEmpty,
}

using Strata.History;

namespace Strata.Execution;

/// <summary>
/// An open connection to one database and the roles that work through it. Created by
/// <see cref="IDialect.OpenAsync"/>; disposing it closes every connection it opened (and releases any
/// lock still held).
/// </summary>
public interface IDatabaseSession : IAsyncDisposable
{
    /// <summary>The migration lock for this database and history table.</summary>
    IMigrationLock Lock { get; }

    /// <summary>Reads and writes the history table; the migrator calls it under <see cref="Lock"/> for every write.</summary>
    IHistoryStore History { get; }

    /// <summary>Runs migration scripts (SQL and C#) together with their history change, and renders dry-run SQL.</summary>
    IScriptExecutor Executor { get; }

    /// <summary>Looks for what interrupted migrations leave behind (invalid indexes).</summary>
    IDatabaseInspector Inspector { get; }

    /// <summary>Who is applying migrations, recorded in <c>applied_by</c>: the database user, or the OS user for SQLite.</summary>
    string AppliedBy { get; }
}

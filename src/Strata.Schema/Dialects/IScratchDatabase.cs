using Strata.Execution;

namespace Strata.Schema;

/// <summary>
/// One scratch database, kept for one piece of work and emptied between uses. Disposing releases it: a temporary
/// database is dropped (a file deleted), the kept one unlocked, a dev database emptied and unlocked.
/// </summary>
public interface IScratchDatabase : IAsyncDisposable
{
    /// <summary>Opens sessions on the scratch database (to migrate it), pooled where the dialect pools.</summary>
    IDialect Provider { get; }

    /// <summary>The driver connection string of the scratch database (secret on PostgreSQL: holds the password; SQLite: the file path), for measuring on it.</summary>
    string ConnectionString { get; }

    /// <summary>True when it was opened for a content key and already holds what those schema files give: read it, apply nothing.</summary>
    bool Reused { get; }

    /// <summary>Reads its schema with <paramref name="filter"/> (Strata's history tables left out by it).</summary>
    /// <param name="filter">What to keep; null for everything.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DatabaseSchema> ReadAsync(SchemaFilter? filter, CancellationToken cancellationToken);

    /// <summary>Drops everything in it, so the next use starts from an empty database again; forgets a remembered content key first.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task EmptyAsync(CancellationToken cancellationToken);

    /// <summary>Records that it now holds what the schema files of <paramref name="contentKey"/> give (the kept PostgreSQL scratch database; a no-op elsewhere).</summary>
    /// <param name="contentKey">The schema files' content key.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task RememberAsync(string contentKey, CancellationToken cancellationToken);
}

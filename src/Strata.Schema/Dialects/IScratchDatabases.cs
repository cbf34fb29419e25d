namespace Strata.Schema;

/// <summary>
/// Opens the scratch database where schema files or migrations are applied to learn the state they produce: on
/// PostgreSQL the server's kept <c>strata_scratch</c> (or a temporary database when that is busy; ADR 014), on SQLite
/// a temporary file.
/// </summary>
public interface IScratchDatabases
{
    /// <summary>
    /// An empty scratch database; with <paramref name="contentKey"/> (schema files, see <see cref="SchemaFiles.ContentKey"/>)
    /// the kept one may come back <see cref="IScratchDatabase.Reused"/>, holding what those files give (ADR 024).
    /// Throws <see cref="Errors.StrataException"/>: unavailable (exit 5) when the server cannot be reached or refuses to
    /// create a database (the message names CREATEDB and the dev database).
    /// </summary>
    /// <param name="contentKey">The schema files' content key, or null (migrations, verify, lint's measuring).</param>
    /// <param name="display">How to name the configured database in messages (no password).</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    Task<IScratchDatabase> OpenAsync(string? contentKey, string display, CancellationToken cancellationToken);
}

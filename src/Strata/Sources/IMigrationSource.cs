namespace Strata.Sources;

/// <summary>Where migrations come from: a folder of SQL files, an assembly's resources, a list of code migrations.</summary>
public interface IMigrationSource
{
    /// <summary>
    /// Loads every migration, ordered by version then repeatables by name. Called before any database is
    /// touched. Throws <see cref="Errors.MigrationSourceException"/> listing every problem found (bad names,
    /// duplicate versions, invalid UTF-8, NUL bytes, empty files, unknown directives), never only the first.
    /// </summary>
    /// <param name="dialect">The SQL rules of the target database (SQL files are lexed with them).</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    Task<IReadOnlyList<Migration>> LoadAsync(Dialect dialect, CancellationToken cancellationToken);
}

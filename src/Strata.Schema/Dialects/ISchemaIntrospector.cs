namespace Strata.Schema;

/// <summary>Reads the schema of a dialect's database (one set-based batch of catalog queries). Driver failures arrive as Strata's typed errors.</summary>
public interface ISchemaIntrospector
{
    /// <summary>False when the database does not exist yet and reading it would be "database not found" (an SQLite file not created); a server database is assumed to exist (reading it says otherwise).</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    Task<bool> ExistsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The database's schema, <paramref name="filter"/> applied. Throws <see cref="Errors.DatabaseUnavailableException"/>
    /// (exit 5) naming <paramref name="display"/> when the database cannot be reached or does not exist; nothing is created.
    /// </summary>
    /// <param name="filter">What to keep (and Strata's history tables to leave out); null for everything.</param>
    /// <param name="display">How to name the database in messages (no password).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DatabaseSchema> ReadAsync(SchemaFilter? filter, string display, CancellationToken cancellationToken);
}

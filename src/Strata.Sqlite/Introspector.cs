using Strata.Errors;
using Strata.Schema;

namespace Strata.Sqlite;

/// <summary>The introspect role: <see cref="SqliteSchemaIntrospector"/> on the dialect's file, read-only; a missing file is "database not found" (exit 5), never created.</summary>
internal sealed class Introspector(string path) : ISchemaIntrospector
{
    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => Task.FromResult(path == ":memory:" || File.Exists(path));

    public async Task<DatabaseSchema> ReadAsync(SchemaFilter? filter, string display, CancellationToken cancellationToken)
    {
        if (path != ":memory:" && !File.Exists(path))
        {
            throw new DatabaseUnavailableException(
                $"database not found: the SQLite file {path} does not exist; nothing was created",
                "check the path in --database / DATABASE_URL / DB_PATH / strata.json; `strata migrate` or `strata push` creates the file");
        }

        return await SqliteSchemaIntrospector.ReadAsync(path, filter, cancellationToken).ConfigureAwait(false);
    }
}

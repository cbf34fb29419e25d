using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Strata.Execution;
using Strata.Schema;

namespace Strata.Sqlite;

/// <summary>
/// A throw-away SQLite database where <c>schema.sql</c> or the migrations are applied to learn the state they produce:
/// a fresh file in the temporary folder (so that every Strata session on it sees the same database), deleted on dispose.
/// Called by the CLI's <c>diff</c>, <c>generate</c>, <c>push</c> and <c>dump</c>, and by verify.
/// </summary>
public sealed class SqliteScratchDatabase : IScratchDatabase
{
    private SqliteScratchDatabase(string path)
    {
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>A dialect on the scratch file.</summary>
    public IDialect Provider => new SqliteDialect(Path);

    /// <summary>The file's path (SQLite's connection string is the path).</summary>
    public string ConnectionString => Path;

    /// <summary>Always false: a temporary file holds nothing from before.</summary>
    public bool Reused => false;

    /// <summary>Nothing: the file is deleted at the end, so nothing is kept for a next command.</summary>
    /// <param name="contentKey">Ignored.</param>
    /// <param name="cancellationToken">Ignored.</param>
    public Task RememberAsync(string contentKey, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the scratch database: an empty file in the temporary folder (SQLite reads a zero-byte file as an empty database).</summary>
    public static SqliteScratchDatabase Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "strata_scratch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + ".db");
        File.WriteAllBytes(path, []);
        return new SqliteScratchDatabase(path);
    }

    /// <summary>Reads the scratch database's schema (see <see cref="SqliteSchemaIntrospector"/>).</summary>
    public Task<DatabaseSchema> ReadAsync(SchemaFilter? filter, CancellationToken cancellationToken) =>
        SqliteSchemaIntrospector.ReadAsync(Path, filter, cancellationToken);

    /// <summary>Empties the database for its next use: the file and its journal files are replaced by an empty file.</summary>
    public Task EmptyAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Delete();
        File.WriteAllBytes(Path, []);
        return Task.CompletedTask;
    }

    /// <summary>Deletes the file and its journal files.</summary>
    public ValueTask DisposeAsync()
    {
        Delete();
        return ValueTask.CompletedTask;
    }

    private void Delete()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}

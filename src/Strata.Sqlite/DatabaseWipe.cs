using Microsoft.Data.Sqlite;
using Strata.Schema;

namespace Strata.Sqlite;

/// <summary>The wipe role (<c>strata reset</c>): deletes the database file and its <c>-wal</c>, <c>-shm</c> and <c>-journal</c> files (the next migrate creates it again).</summary>
internal sealed class DatabaseWipe(string path) : IDatabaseWipe
{
    public Task WipeAsync(string display, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }

        return Task.CompletedTask;
    }
}

using System.Text;
using Microsoft.Data.Sqlite;
using Strata.Errors;
using Strata.Operations;

namespace Strata.Sqlite;

/// <summary>
/// Backups of one SQLite file through SQLite's online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>):
/// a consistent copy while the application keeps reading and writing (the <see cref="IDatabaseBackup"/> role;
/// <see cref="BackupFolder"/> names and keeps the files). A restore copies the backup into a new file, or with
/// <see cref="RestoreOptions.Replace"/> over the live database through the same API, under SQLite's write lock, so
/// connections that stay open see the restored contents.
/// </summary>
public sealed class SqliteBackup : IDatabaseBackup
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private readonly string _path;
    private readonly TimeSpan _busyTimeout;

    /// <summary>Backups of the SQLite file at <paramref name="path"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="busyTimeout">How long to wait for another connection's write lock; null for 60 seconds.</param>
    public SqliteBackup(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path.Contains('=', StringComparison.Ordinal) ? new SqliteConnectionStringBuilder(path).DataSource : path);
        _busyTimeout = busyTimeout ?? TimeSpan.FromSeconds(60);
    }

    /// <inheritdoc />
    public string DatabaseName => Path.GetFileNameWithoutExtension(_path);

    /// <inheritdoc />
    public string Extension => ".sqlite";

    /// <inheritdoc />
    public async Task BackupAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            throw new DatabaseUnavailableException($"database not found: {_path}", "check the path, or run `strata migrate` to create the database first");
        }

        await CopyAsync(_path, path, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void CheckFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new StrataException(ErrorCategory.BadInput, $"{path}: no such backup file", "name a file `strata backup` wrote (they are in the backup folder, backups/ by default)");
        }

        var head = new byte[Header.Length];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read == Header.Length && head.AsSpan().SequenceEqual(Header))
        {
            return;
        }

        var what = read >= 5 && Encoding.ASCII.GetString(head, 0, 5) == "PGDMP"
            ? "a PostgreSQL backup (pg_dump archive), not a SQLite database"
            : read == 0 ? "empty" : "not a SQLite database (it does not start with \"SQLite format 3\")";
        throw new StrataException(ErrorCategory.BadInput, $"{path}: {what}", "name a .sqlite file `strata backup` wrote for this database");
    }

    /// <inheritdoc />
    public async Task<RestoreResult> RestoreAsync(string path, RestoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckFile(path);
        string target;
        if (options.Replace)
        {
            target = _path;
        }
        else
        {
            var stamp = (options.Now ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var extension = Path.GetExtension(_path);
            target = Path.GetFullPath(options.Into ?? Path.Combine(Path.GetDirectoryName(_path)!, $"{DatabaseName}.restored-{stamp}{(extension.Length > 0 ? extension : ".db")}"));
            if (File.Exists(target))
            {
                throw new StrataException(
                    ErrorCategory.BadInput,
                    $"{target} already exists; a restore never writes into an existing database",
                    "choose another file with --into, delete that file first, or pass --replace to replace the configured database");
            }
        }

        await CopyAsync(path, target, cancellationToken).ConfigureAwait(false);
        return new RestoreResult("sqlite:" + target, "sqlite:" + target, options.Replace);
    }

    private async Task CopyAsync(string from, string to, CancellationToken cancellationToken)
    {
        try
        {
            var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            await using var sourceScope = source.ConfigureAwait(false);
            var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ConnectionString);
            await using var destinationScope = destination.ConfigureAwait(false);
            await source.OpenAsync(cancellationToken).ConfigureAwait(false);
            await destination.OpenAsync(cancellationToken).ConfigureAwait(false);
            foreach (var connection in new[] { source, destination })
            {
                var pragma = connection.CreateCommand();
                await using var pragmaScope = pragma.ConfigureAwait(false);
                pragma.CommandText = $"PRAGMA busy_timeout = {(long)_busyTimeout.TotalMilliseconds}";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            source.BackupDatabase(destination);
        }
        catch (SqliteException e)
        {
            throw new StrataException(
                e.SqliteErrorCode is 5 or 6 ? ErrorCategory.Unavailable : ErrorCategory.MigrationFailed,
                $"copying {from} to {to} failed: {e.Message}",
                e.SqliteErrorCode is 5 or 6 ? "another connection held the database locked for the whole busy timeout; try again when it is idle" : null,
                e);
        }
    }
}

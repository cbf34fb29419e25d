using System.Diagnostics;
using Npgsql;
using Strata.Errors;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>
/// A dev database configured for scratch work (<c>devDatabase</c> in strata.json, <c>--dev-database</c>): an existing,
/// empty database the schema commands fill and empty again, for roles that may not create databases or servers where
/// the target must not get temporary ones. <see cref="OpenAsync"/> takes an advisory lock on it (two commands never
/// share it) and refuses a database that holds anything; <see cref="EmptyAndReleaseAsync"/> drops what the work made
/// (see <see cref="PostgreSqlSchemaWipe"/>) and lets the next command in.
/// </summary>
public sealed class PostgreSqlDevDatabase : IAsyncDisposable
{
    /// <summary>The advisory lock key of dev-database use: "strata-d" in ASCII.</summary>
    private const long LockKey = 0x7374726174612D64;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    private readonly NpgsqlConnection _connection;
    private bool _released;

    private PostgreSqlDevDatabase(NpgsqlConnection connection, string connectionString)
    {
        _connection = connection;
        ConnectionString = connectionString;
    }

    /// <summary>A connection string to the dev database (secret: holds the password; no pooling).</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Waits up to <paramref name="lockTimeout"/> for the dev database's lock, then checks that it is empty.
    /// Throws <see cref="StrataException"/>: <see cref="ErrorCategory.Unavailable"/> when another command keeps the
    /// lock, <see cref="ErrorCategory.BadInput"/> (naming up to five objects) when the database is not empty.
    /// </summary>
    /// <param name="connectionString">The dev database (an Npgsql connection string).</param>
    /// <param name="display">How to name it in messages (no password).</param>
    /// <param name="lockTimeout">How long to wait for another command to finish with it.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<PostgreSqlDevDatabase> OpenAsync(string connectionString, string display, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var work = builder.ConnectionString;
        builder.ApplicationName = "strata (dev database in use)";
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await WaitForLockAsync(connection, display, lockTimeout, cancellationToken).ConfigureAwait(false);
            var objects = await ListObjectsAsync(connection, cancellationToken).ConfigureAwait(false);
            if (objects.Count > 0)
            {
                throw new StrataException(
                    ErrorCategory.BadInput,
                    $"the dev database {display} is not empty: it holds {string.Join(", ", objects.Take(5))}{(objects.Count > 5 ? " and more" : "")}",
                    "Strata fills the dev database and empties it after every use, so it must hold nothing of its own: point devDatabase (or --dev-database) at an empty database made for this, e.g. CREATE DATABASE strata_dev");
            }

            return new PostgreSqlDevDatabase(connection, work);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads the dev database's schema (see <see cref="PostgreSqlSchemaIntrospector"/>) on the connection that holds its lock.</summary>
    public Task<DatabaseSchema> ReadAsync(SchemaFilter? filter, CancellationToken cancellationToken) =>
        PostgreSqlSchemaIntrospector.ReadAsync(_connection, filter, cancellationToken);

    /// <summary>
    /// Drops everything the work made (see <see cref="PostgreSqlSchemaWipe"/>) and keeps the lock, so the same command
    /// can use the database again as if new. Failures surface as <see cref="NpgsqlException"/>.
    /// </summary>
    public Task EmptyAsync(CancellationToken cancellationToken) =>
        _released ? throw new ObjectDisposedException(nameof(PostgreSqlDevDatabase)) : PostgreSqlSchemaWipe.WipeScratchAsync(_connection, cancellationToken);

    /// <summary>
    /// Drops everything in the dev database and releases its lock. Returns null, or what went wrong when it could not
    /// be emptied (the caller warns: the next command will refuse the database until someone empties it).
    /// </summary>
    public async Task<string?> EmptyAndReleaseAsync()
    {
        if (_released)
        {
            return null;
        }

        _released = true;
        try
        {
            await PostgreSqlSchemaWipe.WipeAsync(_connection, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (NpgsqlException e)
        {
            return (e is PostgresException p ? $"{p.MessageText} (SQLSTATE {p.SqlState})" : e.Message)
                + "; empty it by hand (DROP SCHEMA … CASCADE as the owner of its schemas) before the next use";
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false); // ends the session, and with it the lock
        }
    }

    /// <summary>Empties and releases the database if <see cref="EmptyAndReleaseAsync"/> was not called.</summary>
    public async ValueTask DisposeAsync() => await EmptyAndReleaseAsync().ConfigureAwait(false);

    private static async Task WaitForLockAsync(NpgsqlConnection connection, string display, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await ScalarAsync<bool>(connection, $"SELECT pg_try_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false))
        {
            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                var holder = await AdvisoryLockHolder.FindAsync(connection, LockKey, cancellationToken).ConfigureAwait(false);
                throw new StrataException(
                    ErrorCategory.Unavailable,
                    $"timed out after {timeout.TotalSeconds:0.#} s waiting for the dev database {display}, in use by {(holder.ProcessId is null ? "another session" : holder.ToString())}",
                    "wait for that command to finish, or raise the wait with --lock-timeout <seconds>");
            }

            await Task.Delay(Pause, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<string>> ListObjectsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(DevDatabaseQueries.UserObjects, connection);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var objects = new List<string>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    objects.Add(reader.GetString(0));
                }

                return objects;
            }
        }
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? default : (T)value;
        }
    }
}

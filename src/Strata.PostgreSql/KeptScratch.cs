using Npgsql;

namespace Strata.PostgreSql;

/// <summary>
/// The kept scratch database of <see cref="PostgreSqlScratchDatabase.OpenAsync(string, CancellationToken)"/>: created once per server and role,
/// then taken by one command at a time (a session advisory lock, never waited for) and emptied when taken. A database of
/// that name is used only when the role owns it and its comment is Strata's mark, so Strata never empties a database it
/// did not make.
/// </summary>
internal static class KeptScratch
{
    /// <summary>The comment that marks the kept scratch database as Strata's.</summary>
    public const string Mark = "Strata's scratch database: the schema commands fill it and empty it; nothing else may use it, and it may be dropped any time";

    /// <summary>Owner, mark and lock in one round trip; the advisory lock key is "strata-s" in ASCII (0x7374726174612D73).</summary>
    private const string TakeSql = """
        SELECT d.datdba = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
               AND pg_catalog.shobj_description(d.oid, 'pg_database') = $1
               AND pg_catalog.pg_try_advisory_lock(8319400174550068595)
        FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()
        """;

    /// <summary>
    /// Connects to <paramref name="name"/> (creating it when missing), takes its lock and empties it; returns the
    /// connection that holds the lock, or null when the database cannot be used (in use, another role's, not marked,
    /// no privilege to create it): the caller makes a temporary one instead. Connection failures propagate.
    /// </summary>
    public static async Task<NpgsqlConnection?> TryTakeAsync(string adminConnectionString, string name, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, ApplicationName = "strata (scratch database in use)" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            if (!await ConnectAsync(connection, adminConnectionString, name, cancellationToken).ConfigureAwait(false))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            var take = new NpgsqlCommand(TakeSql, connection) { Parameters = { new() { Value = Mark } } };
            await using (take.ConfigureAwait(false))
            {
                if (await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    return null;
                }
            }

            await PostgreSqlSchemaWipe.WipeScratchAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (PostgresException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return null;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// <c>CREATE DATABASE</c> from template0 with <c>synchronous_commit</c> off and, for the kept one, Strata's mark.
    /// </summary>
    public static async Task CreateAsync(NpgsqlConnection admin, string name, string? comment, CancellationToken cancellationToken)
    {
        var quoted = SqlText.Quote(name);
        await ExecuteAsync(admin, $"CREATE DATABASE {quoted} TEMPLATE template0", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(admin, $"ALTER DATABASE {quoted} SET synchronous_commit = off", cancellationToken).ConfigureAwait(false);
        if (comment is not null)
        {
            await ExecuteAsync(admin, $"COMMENT ON DATABASE {quoted} IS {SqlText.Literal(comment)}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens <paramref name="connection"/>; when its database does not exist, creates it first. False when another command created it at the same moment.</summary>
    private static async Task<bool> ConnectAsync(NpgsqlConnection connection, string adminConnectionString, string name, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
        }

        var admin = new NpgsqlConnection(adminConnectionString);
        await using (admin.ConfigureAwait(false))
        {
            await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await CreateAsync(admin, name, Mark, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                return false;
            }
        }

        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

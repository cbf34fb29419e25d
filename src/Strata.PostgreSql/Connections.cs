using Npgsql;

namespace Strata.PostgreSql;

/// <summary>Opens connections and reads the session facts, turning every failure into a Strata error.</summary>
internal static class Connections
{
    /// <summary>
    /// The data source for a session: the caller's settings, with <c>Application Name</c> defaulted, pooling and
    /// multiplexing off (a session-level advisory lock must never return to a pool) and no enlistment in an
    /// ambient <c>TransactionScope</c> (Strata manages its own transactions), and server error details included.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(NpgsqlConnectionStringBuilder configured, PostgreSqlOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured.ConnectionString)
        {
            Pooling = false,
            Multiplexing = false,
            Enlist = false,
        };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = options.ApplicationName;
        }

        // Server error details (the failing row, the duplicate key) are what a migration author needs to see.
        builder.IncludeErrorDetail = true;

        // The executor maps a failed batch command back to the script statement that failed.
        builder.IncludeFailedBatchedCommand = true;
        return NpgsqlDataSource.Create(builder);
    }

    /// <summary>Opens a connection; throws <see cref="Errors.DatabaseUnavailableException"/> when it cannot.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, ServerEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            throw ErrorTranslator.OpenFailed(endpoint, e);
        }
    }

    /// <summary>
    /// Reads <c>current_user</c>, <c>current_schema()</c> and the server process id of the session's main connection,
    /// and, in the same round trip, turns on <c>client_connection_check_interval</c> (PostgreSQL 14+, unless the
    /// user set it): if this process dies mid-migration, the server notices within a second, even inside a long
    /// statement, and rolls back instead of committing the rest of an already-sent batch. Servers without the setting
    /// are left alone.
    /// </summary>
    public static async Task<SessionFacts> ReadFactsAsync(NpgsqlConnection connection, ServerEndpoint endpoint, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT current_user::text, coalesce(current_schema()::text, 'public'), pg_backend_pid(),
                (SELECT set_config(name, '1s', false) FROM pg_settings WHERE name = 'client_connection_check_interval' AND setting = '0')
            """;
        try
        {
            var command = new NpgsqlCommand(sql, connection);
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new SessionFacts(reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
        }
        catch (Exception e) when (ErrorTranslator.IsConnectionLost(e))
        {
            throw ErrorTranslator.OpenFailed(endpoint, e);
        }
    }
}

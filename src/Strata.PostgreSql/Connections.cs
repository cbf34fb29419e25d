using Npgsql;

namespace Strata.PostgreSql;

/// <summary>Opens connections and reads the session facts, turning every failure into a Strata error.</summary>
internal static class Connections
{
    /// <summary>
    /// The data source for a session: the caller's settings, with <c>Application Name</c> defaulted, pooling and
    /// multiplexing off (a session-level advisory lock must never return to a pool) and no enlistment in an
    /// ambient <c>TransactionScope</c> (Strata manages its own transactions), server error details included, and
    /// client-side TCP keepalive on unless configured (<see cref="SessionKeepalive"/>).
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
        SessionKeepalive.ConfigureClient(builder, configured.ConnectionString);
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString);
        if (!options.LoadDatabaseTypes && !Configures(configured.ConnectionString, "Server Compatibility Mode"))
        {
            dataSource.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
        }

        return dataSource.Build();
    }

    /// <summary>Whether the connection string as given sets <paramref name="keyword"/> (under any of its spellings).</summary>
    private static bool Configures(string connectionString, string keyword)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey(keyword) || given.ContainsKey(keyword.Replace(" ", "", StringComparison.Ordinal));
    }

    /// <summary>
    /// Opens a connection and applies the server-side keepalive <paramref name="keepalive"/> (one of
    /// <see cref="SessionKeepalive"/>'s sets); throws <see cref="Errors.DatabaseUnavailableException"/> when it cannot.
    /// </summary>
    public static async Task<NpgsqlConnection> OpenAsync(
        NpgsqlDataSource dataSource, ServerEndpoint endpoint, IReadOnlyList<(string Name, int Value)> keepalive, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await SessionKeepalive.ApplyAsync(connection, keepalive, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw ErrorTranslator.OpenFailed(endpoint, e);
        }
    }

    /// <summary>
    /// Opens a session's connection and, in one round trip, reads <c>current_user</c>, <c>current_schema()</c> and the
    /// server process id and applies <see cref="SessionKeepalive.Main"/> (whose <c>client_connection_check_interval</c>
    /// lets the server notice a dead client even inside a long statement): the facts query first, then the keepalive
    /// block, which stays best effort as in <see cref="SessionKeepalive.ApplyAsync"/>. Throws
    /// <see cref="Errors.DatabaseUnavailableException"/> when it cannot connect.
    /// </summary>
    public static async Task<(NpgsqlConnection Connection, SessionFacts Facts)> OpenSessionAsync(
        NpgsqlDataSource dataSource, ServerEndpoint endpoint, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return (connection, await ReadFactsAndKeepAliveAsync(connection, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw ErrorTranslator.OpenFailed(endpoint, e);
        }
    }

    private static async Task<SessionFacts> ReadFactsAndKeepAliveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string facts = "SELECT current_user::text, coalesce(current_schema()::text, 'public'), pg_backend_pid()";
        var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { new NpgsqlBatchCommand(facts), new NpgsqlBatchCommand(SessionKeepalive.Statement(SessionKeepalive.Main)) },
        };
        await using var batchScope = batch.ConfigureAwait(false);
        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var result = new SessionFacts(reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
        try
        {
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
            }
        }
        catch (PostgresException e) when (!ErrorTranslator.IsConnectionLost(e))
        {
            // Best effort, as in SessionKeepalive.ApplyAsync: a server that refuses the block keeps its defaults.
        }

        return result;
    }
}

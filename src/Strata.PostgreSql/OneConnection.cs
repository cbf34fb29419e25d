using Npgsql;

namespace Strata.PostgreSql;

/// <summary>
/// One unpooled connection (with the main keepalive) and the data source it came from, for a library call that runs
/// a query or two and is done: the fleet's control queries and head reads. Disposing closes both.
/// </summary>
internal sealed class OneConnection : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private OneConnection(NpgsqlDataSource dataSource, NpgsqlConnection connection, ServerEndpoint endpoint)
    {
        _dataSource = dataSource;
        Connection = connection;
        Endpoint = endpoint;
    }

    public NpgsqlConnection Connection { get; }

    /// <summary>Where it connects, for messages (passwords redacted).</summary>
    public ServerEndpoint Endpoint { get; }

    /// <summary>Connects to <paramref name="connectionString"/>; throws <see cref="Errors.DatabaseUnavailableException"/> when it cannot.</summary>
    public static async Task<OneConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var endpoint = new ServerEndpoint(builder);
        var dataSource = Connections.CreateDataSource(builder, new PostgreSqlOptions());
        try
        {
            var connection = await Connections.OpenAsync(dataSource, endpoint, SessionKeepalive.Main, cancellationToken).ConfigureAwait(false);
            return new OneConnection(dataSource, connection, endpoint);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}

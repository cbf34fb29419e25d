using Npgsql;
using Strata.Errors;
using Strata.Execution;
using Strata.History;

namespace Strata.PostgreSql;

/// <summary>
/// The PostgreSQL dialect (Npgsql): created by the CLI or a library caller for one configured database, it opens
/// sessions whose lock is a session advisory lock, whose history lives in <c>strata_migrations</c> (or the
/// configured table) and whose scripts run in one transaction with their history row.
/// </summary>
public sealed class PostgreSqlDialect : IDatabaseProvider
{
    private readonly NpgsqlConnectionStringBuilder _builder;
    private readonly ServerEndpoint _endpoint;
    private readonly HistoryTableName _history;
    private readonly PostgreSqlOptions _options;

    /// <summary>
    /// Creates the dialect without connecting. Throws <see cref="ConfigurationException"/> when
    /// <paramref name="connectionString"/> is not a valid Npgsql keyword string (the message never repeats it).
    /// </summary>
    /// <param name="connectionString">An Npgsql keyword connection string (URLs are converted by the configuration layer).</param>
    /// <param name="history">The history table and optional schema.</param>
    /// <param name="options">Lock and session settings; null for the defaults.</param>
    public PostgreSqlDialect(string connectionString, HistoryTableName history, PostgreSqlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentNullException.ThrowIfNull(history);
        try
        {
            _builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new ConfigurationException(
                "the PostgreSQL connection string is not valid: " + Problem(e),
                "use keywords such as Host=db.example.com;Port=5432;Database=app;Username=app;Password=... or a postgres:// URL");
        }

        _endpoint = new ServerEndpoint(_builder);
        _history = history;
        _options = options ?? new PostgreSqlOptions();
    }

    /// <summary>Always <c>postgresql</c>.</summary>
    public string Dialect => "postgresql";

    /// <summary><c>postgres://user@host:port/database</c>, without the password.</summary>
    public string DisplayName => _endpoint.DisplayName;

    /// <summary>
    /// Connects and reads the session's user and default schema. Throws
    /// <see cref="DatabaseUnavailableException"/> naming host, port, database and user (never the password) with a
    /// hint when the server is unreachable, rejects the login or lacks the database.
    /// </summary>
    public async Task<IDatabaseSession> OpenAsync(CancellationToken cancellationToken)
    {
        var dataSource = Connections.CreateDataSource(_builder, _options);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await Connections.OpenAsync(dataSource, _endpoint, cancellationToken).ConfigureAwait(false);
            var facts = await Connections.ReadFactsAsync(connection, _endpoint, cancellationToken).ConfigureAwait(false);
            return new Session(dataSource, connection, _endpoint, facts, _history, _options);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// What is wrong, without echoing the text: a keyword is named only when it is one Npgsql knows, since an
    /// unquoted <c>;</c> in a password makes the rest of the password look like a keyword.
    /// </summary>
    private static string Problem(Exception error)
    {
        if (error is ArgumentException { ParamName: { } name } && IsKnownKeyword(name))
        {
            return $"the value of '{name}' has the wrong format";
        }

        return error is ArgumentException
            ? "it holds an unknown keyword (quote values that contain ';', e.g. Password='a;b')"
            : "a value has the wrong format";
    }

    private static bool IsKnownKeyword(string name)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder().ContainsKey(name);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

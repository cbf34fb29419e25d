using Npgsql;
using Strata.Errors;
using Strata.Execution;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>
/// The PostgreSQL dialect (Npgsql): created by the CLI or a library caller for one configured database, it opens
/// sessions whose lock is a session advisory lock, whose history lives in <c>strata_migrations</c> (or the
/// configured table) and whose scripts run in one transaction with their history row.
/// </summary>
public sealed class PostgreSqlDialect : IDialect, ISchemaDialect
{
    /// <summary>
    /// This dialect's entry for a <see cref="Configuration.DialectSet"/>, which turns a resolved target or a database URL
    /// into a dialect: <c>new DialectSet(PostgreSqlDialect.Factory, SqliteDialect.Factory)</c> (ADR 025).
    /// </summary>
    public static Configuration.IDialectFactory Factory { get; } = new DialectFactory();

    private readonly NpgsqlConnectionStringBuilder _builder;
    private readonly NpgsqlDataSource? _shared;
    private readonly ServerEndpoint _endpoint;
    private readonly PostgreSqlOptions _options;
    private readonly string _connectionString;
    private SchemaRoles? _schemaRoles;

    /// <summary>
    /// Creates the dialect without connecting. Throws <see cref="ConfigurationException"/> when
    /// <paramref name="connectionString"/> is not a valid Npgsql keyword string (the message never repeats it).
    /// Strata opens its own unpooled connections from it.
    /// </summary>
    /// <param name="connectionString">An Npgsql keyword connection string (URLs are converted by the configuration layer).</param>
    /// <param name="options">Lock and session settings; null for the defaults.</param>
    public PostgreSqlDialect(string connectionString, PostgreSqlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        _builder = Parse(connectionString);
        _connectionString = connectionString;
        _endpoint = new ServerEndpoint(_builder);
        _options = options ?? new PostgreSqlOptions();
        if (_options.Schema is { } schema)
        {
            _builder.SearchPath = SqlText.Quote(schema);
        }
    }

    /// <summary>
    /// Uses the application's data source (its password provider, TLS and logging settings included); Strata
    /// opens connections from it and never disposes it. Migration errors point at the failing statement in one
    /// round trip per migration when the data source has <c>Include Failed Batched Command=true</c>, and with one
    /// round trip per statement otherwise. Throws <see cref="ConfigurationException"/> for a multiplexing data
    /// source: a session advisory lock needs a connection of its own.
    /// </summary>
    /// <param name="dataSource">The application's data source.</param>
    /// <param name="options">Lock and session settings; null for the defaults.</param>
    public PostgreSqlDialect(NpgsqlDataSource dataSource, PostgreSqlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _builder = Parse(dataSource.ConnectionString);
        if (_builder.Multiplexing)
        {
            throw new ConfigurationException(
                "the data source uses multiplexing, which cannot hold Strata's session advisory lock",
                "give Strata a data source (or connection string) without Multiplexing=true");
        }

        _shared = dataSource;
        _connectionString = dataSource.ConnectionString;
        _endpoint = new ServerEndpoint(_builder);
        _options = options ?? new PostgreSqlOptions();
        if (_options.Schema is not null)
        {
            throw new ConfigurationException("PostgreSqlOptions.Schema needs a connection string, not a data source", "set Search Path on the data source, or pass the connection string");
        }
    }


    /// <summary><c>postgres://user@host:port/database</c>, without the password.</summary>
    public string DisplayName => _endpoint.DisplayName;

    /// <summary>Always <see cref="Strata.Dialect.PostgreSql"/> (printed <c>postgresql</c>).</summary>
    public Dialect Dialect => Dialect.PostgreSql;

    /// <summary>
    /// The schema roles for this database: introspection, DDL, scratch databases on the same server (the kept
    /// <c>strata_scratch</c>, ADR 014), the dev database and wipe. Created from a data source, reads use it and scratch
    /// work connects with its connection string (which holds the password only with <c>Persist Security Info</c>).
    /// </summary>
    public SchemaRoles SchemaRoles => _schemaRoles ??= SchemaSide.Roles(_connectionString, _shared);

    /// <summary>
    /// Connects and reads the session's user and default schema. Throws
    /// <see cref="DatabaseUnavailableException"/> naming host, port, database and user (never the password) with a
    /// hint when the server is unreachable, rejects the login or lacks the database.
    /// </summary>
    public async Task<IDatabaseSession> OpenAsync(SessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataSource = _shared ?? Connections.CreateDataSource(_builder, _options);
        var oneRoundTrip = _shared is null || _builder.IncludeFailedBatchedCommand;
        NpgsqlConnection? connection = null;
        try
        {
            (connection, var facts) = await Connections.OpenSessionAsync(dataSource, _endpoint, cancellationToken).ConfigureAwait(false);
            return new Session(dataSource, ownsDataSource: _shared is null, connection, _endpoint, facts, options, _options, oneRoundTrip);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (_shared is null)
            {
                await dataSource.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new ConfigurationException(
                "the PostgreSQL connection string is not valid: " + Problem(e),
                "use keywords such as Host=db.example.com;Port=5432;Database=app;Username=app;Password=... or a postgres:// URL");
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

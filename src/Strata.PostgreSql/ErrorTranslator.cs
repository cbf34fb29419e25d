using System.Net.Sockets;
using System.Security.Authentication;
using Npgsql;
using Strata.Errors;

namespace Strata.PostgreSql;

/// <summary>
/// Turns driver exceptions into Strata's: connection failures into <see cref="DatabaseUnavailableException"/>
/// (naming server, database and user, never the password), history failures into <see cref="StrataException"/>.
/// Script failures are mapped to file positions by <see cref="ScriptErrors"/>.
/// </summary>
internal static class ErrorTranslator
{
    private const string NetworkHint = "is the server running? check the host and port (and any firewall in between)";

    /// <summary>
    /// True for a SQLSTATE the server sends while refusing a connection, before any query ran: no database of that
    /// name, a refused login, a server starting up or full.
    /// </summary>
    public static bool IsConnectionRefusal(string sqlState) => sqlState is PostgresErrorCodes.InvalidCatalogName
        or PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification
        or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;

    /// <summary>The error for a connection that could not be opened.</summary>
    public static DatabaseUnavailableException OpenFailed(ServerEndpoint endpoint, Exception error)
    {
        var (reason, hint) = Explain(endpoint, error);
        return new DatabaseUnavailableException(
            endpoint.Redact($"cannot connect to {endpoint.Describe()}: {reason}"),
            hint,
            Safe(endpoint, error));
    }

    /// <summary>True when <paramref name="error"/> means the connection is gone (network, server shutdown, terminated backend).</summary>
    public static bool IsConnectionLost(Exception error) => error switch
    {
        PostgresException postgres => postgres.SqlState is "57P01" or "57P02" or "57P03" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException => true,
        IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The error for a connection lost <paramref name="context"/> (e.g. "while running 003_x; it was not committed").</summary>
    public static DatabaseUnavailableException ConnectionLost(string context, ServerEndpoint endpoint, Exception error) =>
        new(
            endpoint.Redact($"connection to {endpoint.Describe()} lost {context}: {Reason(error)}"),
            "check that the server is up and reachable (it may have restarted or terminated the session), then run again",
            Safe(endpoint, error));

    /// <summary>Throws the connection-lost error when an earlier failure already closed <paramref name="connection"/>.</summary>
    public static void ThrowIfClosed(NpgsqlConnection connection, string context, ServerEndpoint endpoint)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            throw new DatabaseUnavailableException(
                $"connection to {endpoint.Describe()} was lost earlier; cannot {context}",
                "check that the server is up and reachable, then run again");
        }
    }

    /// <summary>The error for a statement on the history table that the server rejected.</summary>
    public static StrataException HistoryFailed(string operation, string table, PostgresException error)
    {
        if (error.SqlState == PostgresErrorCodes.UndefinedColumn)
        {
            return new StrataException(
                ErrorCategory.BadInput,
                $"{table} is not a Strata history table (SQLSTATE {error.SqlState}: {error.MessageText}); nothing was changed",
                "point history.table in strata.json at a table of Strata's own (the default is strata_migrations), or rename the table that has this name",
                error);
        }

        var hint = error.SqlState == PostgresErrorCodes.InsufficientPrivilege
            ? "grant the migrating user CREATE and USAGE on the history schema (or set history.schema to a schema it owns); read-only commands need only SELECT"
            : error.Hint;
        return new StrataException(
            ErrorCategory.MigrationFailed,
            $"could not {operation} {table}: SQLSTATE {error.SqlState}: {error.MessageText}",
            hint,
            error);
    }

    /// <summary>The driver's message with its cause, e.g. <c>Failed to connect to 127.0.0.1:1 (Connection refused)</c>.</summary>
    public static string Reason(Exception error) => error switch
    {
        PostgresException postgres => $"SQLSTATE {postgres.SqlState}: {postgres.MessageText}",
        { InnerException: { } inner } when inner.Message != error.Message => $"{error.Message} ({inner.Message})",
        _ => error.Message,
    };

    private static (string Reason, string? Hint) Explain(ServerEndpoint endpoint, Exception error)
    {
        var reason = Reason(error);
        if (error is PostgresException postgres)
        {
            return (reason, postgres.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword => $"check the password for user '{endpoint.User}' (and that this role exists and may log in)",
                PostgresErrorCodes.InvalidAuthorizationSpecification => $"the server refused user '{endpoint.User}' from this host: check the user name and the server's pg_hba.conf",
                PostgresErrorCodes.InvalidCatalogName => $"database '{endpoint.Database}' does not exist: create it (createdb {endpoint.Database}) or fix the database name",
                PostgresErrorCodes.CannotConnectNow => "the server is starting up or shutting down; try again shortly",
                PostgresErrorCodes.TooManyConnections => "the server has no free connection slots: close idle sessions or raise max_connections",
                _ when postgres.SqlState.StartsWith("08", StringComparison.Ordinal) => NetworkHint,
                _ => postgres.Hint,
            });
        }

        if (error.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return (reason, $"the server wants a password for user '{endpoint.User}': put it in the connection URL, PGPASSWORD or ~/.pgpass");
        }

        return Causes(error).Any(c => c is AuthenticationException)
            ? (reason, TlsHint(endpoint))
            : (reason, NetworkHint);
    }

    /// <summary>What the TLS mode demanded of the server's certificate, naming the host it had to match.</summary>
    private static string TlsHint(ServerEndpoint endpoint) => endpoint.SslMode switch
    {
        SslMode.VerifyFull =>
            $"the server's certificate was refused: sslmode=verify-full accepts only a certificate signed by the root certificate (sslrootcert, else the system's) "
            + $"whose host name (subjectAltName) is the host connected to, '{endpoint.Host}'; connect with a host name the certificate holds, or fix sslrootcert",
        SslMode.VerifyCA =>
            "the server's certificate was refused: sslmode=verify-ca accepts only a certificate signed by the root certificate (sslrootcert, else the system's); check sslrootcert",
        _ => "the TLS handshake failed: check sslmode and the server's certificate",
    };

    private static IEnumerable<Exception> Causes(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    /// <summary>The driver exception to keep as inner exception, or null if its text would reveal the password.</summary>
    private static Exception? Safe(ServerEndpoint endpoint, Exception error) => endpoint.Leaks(error.ToString()) ? null : error;
}

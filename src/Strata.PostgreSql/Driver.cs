using Npgsql;

namespace Strata.PostgreSql;

/// <summary>
/// Reads what the Npgsql driver produces for code that does not reference it (the CLI, hosts of the schema and test
/// database APIs): whether a failure came from the driver at all, whether the server was unreachable, the server's own
/// error (SQLSTATE and message) when it refused, and the database a connection string names. Error texts built from
/// these never hold a password: Npgsql's messages name host and port only.
/// </summary>
public static class PostgreSqlDriver
{
    /// <summary>SQLSTATE 42P04: a database of that name exists.</summary>
    public const string DuplicateDatabase = PostgresErrorCodes.DuplicateDatabase;

    /// <summary>SQLSTATE 42501: the role lacks a privilege.</summary>
    public const string InsufficientPrivilege = PostgresErrorCodes.InsufficientPrivilege;

    /// <summary>SQLSTATE 55006: another session uses the object (e.g. is connected to the database or template).</summary>
    public const string ObjectInUse = PostgresErrorCodes.ObjectInUse;

    /// <summary>SQLSTATE 3D000: no database of that name.</summary>
    public const string InvalidCatalogName = PostgresErrorCodes.InvalidCatalogName;

    /// <summary>True when <paramref name="error"/> is any failure of the PostgreSQL driver (unreachable or refused).</summary>
    public static bool IsDriverFailure(Exception error) => error is NpgsqlException;

    /// <summary>
    /// True when the driver failed without an answer from the server (connection refused, timed out, lost): an
    /// unreachable database rather than a refused statement.
    /// </summary>
    public static bool IsUnreachable(Exception error) => error is NpgsqlException and not PostgresException;

    /// <summary>The server's error, or null when <paramref name="error"/> is not one the server sent.</summary>
    public static PostgreSqlServerError? ServerError(Exception error) =>
        error is PostgresException postgres ? new PostgreSqlServerError(postgres.SqlState, postgres.MessageText) : null;

    /// <summary>The database <paramref name="connectionString"/> (an Npgsql keyword string) connects to, or null when it names none.</summary>
    public static string? DatabaseName(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database;

    /// <summary>Where <paramref name="connectionString"/> (an Npgsql keyword string) connects, safe to print: <c>postgres://user@host:port/database</c>.</summary>
    public static string DisplayName(string connectionString) => new ServerEndpoint(new NpgsqlConnectionStringBuilder(connectionString)).DisplayName;
}

namespace Strata.Execution;

/// <summary>
/// A dialect's entry point for one configured database (PostgreSQL through Npgsql, SQLite through
/// Microsoft.Data.Sqlite): the implementation of a <see cref="Strata.Dialect"/>. The engine knows nothing else about
/// drivers.
/// </summary>
public interface IDialect
{
    /// <summary>
    /// Which engine this is: it also picks the lexical rules used to load and split migration files.
    /// <see cref="DialectNames.ToName"/> gives its printed name (<c>postgresql</c>, <c>sqlite</c>).
    /// </summary>
    Dialect Dialect { get; }

    /// <summary>Where this dialect connects, safe to print (no password).</summary>
    string DisplayName { get; }

    /// <summary>
    /// Opens a session whose history lives in <paramref name="options"/>' table and whose migration statements run
    /// under its timeouts. Throws
    /// <see cref="Errors.DatabaseUnavailableException"/> when the database cannot be reached or refuses the login;
    /// the message never contains a password.
    /// </summary>
    Task<IDatabaseSession> OpenAsync(SessionOptions options, CancellationToken cancellationToken);
}

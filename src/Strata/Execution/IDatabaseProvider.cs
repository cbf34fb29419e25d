using Strata.Sql;

namespace Strata.Execution;

/// <summary>
/// A dialect's entry point for one configured database (PostgreSQL through Npgsql, SQLite through
/// Microsoft.Data.Sqlite). The engine knows nothing else about drivers.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>The dialect's name: <c>postgresql</c> or <c>sqlite</c>.</summary>
    string Dialect { get; }

    /// <summary>Where this provider connects, safe to print (no password).</summary>
    string DisplayName { get; }

    /// <summary>The lexical rules of this database's SQL, used to load and split migration files.</summary>
    SqlFlavor Flavor { get; }

    /// <summary>
    /// Opens a session whose history lives in <paramref name="options"/>' table and whose migration statements run
    /// under its timeouts. Throws
    /// <see cref="Errors.DatabaseUnavailableException"/> when the database cannot be reached or refuses the login;
    /// the message never contains a password.
    /// </summary>
    Task<IDatabaseSession> OpenAsync(SessionOptions options, CancellationToken cancellationToken);
}

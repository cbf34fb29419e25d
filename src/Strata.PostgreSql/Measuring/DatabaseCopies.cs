using Npgsql;
using Strata.Errors;

namespace Strata.PostgreSql.Measuring;

/// <summary>
/// The copy <c>strata lint --copy-of</c> measures on: <see cref="PostgreSqlScratchDatabase.CopyAsync"/>, with the
/// server's refusals turned into messages that say what to do (someone is connected to the database, no CREATEDB).
/// </summary>
internal static class DatabaseCopies
{
    /// <summary>Copies the database <paramref name="connectionString"/> points at; <paramref name="display"/> names it in messages (no password).</summary>
    public static async Task<PostgreSqlScratchDatabase> CreateAsync(string connectionString, string display, CancellationToken cancellationToken)
    {
        try
        {
            return await PostgreSqlScratchDatabase.CopyAsync(connectionString, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse)
        {
            var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
            throw new StrataException(
                ErrorCategory.BadInput,
                $"--copy-of {display}: PostgreSQL copies only a database nobody is connected to, and {e.MessageText}",
                $"measure on a copy of a database nothing else uses (a staging clone, or a dev database holding a sample); or end the other sessions first (SELECT pid, usename, application_name FROM pg_stat_activity WHERE datname = '{database}')",
                e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"--copy-of {display}: cannot create the copy: {e.MessageText}",
                "the role needs the CREATEDB privilege (ALTER ROLE … CREATEDB), or connect to the database to copy as a role that has it",
                e);
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            throw new DatabaseUnavailableException(
                $"cannot reach the server of {display} to copy it: {e.Message}",
                "check that the server is running and the host, port and credentials in the --copy-of URL are right",
                e);
        }
    }
}

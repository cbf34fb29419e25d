using Strata.Errors;
using Strata.PostgreSql;

namespace Strata.Testing;

/// <summary>
/// PostgreSQL server failures of the test database operations as Strata errors: a taken name and any other refusal
/// are <see cref="ErrorCategory.BadInput"/> (exit 2) with a hint chosen by SQLSTATE; a server that cannot be reached,
/// or a configured database that does not exist, is a <see cref="DatabaseUnavailableException"/> (exit 5). Messages never hold the password.
/// </summary>
internal static class TestServerErrors
{
    /// <summary>Runs <paramref name="action"/>; <paramref name="database"/> is the database it creates, for the "taken" message.</summary>
    public static async Task<T> RunAsync<T>(string server, Func<Task<T>> action, string? database = null)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (PostgreSqlDriver.ServerError(e) is { SqlState: PostgreSqlDriver.DuplicateDatabase } && database is not null)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"the name '{database}' is taken: the server already has a database called that; nothing was created",
                $"choose another --name, or leave --name out for a random one; if Strata's test tooling made it, `strata test-db drop {database}` removes it",
                e);
        }
        catch (Exception e) when (PostgreSqlDriver.ServerError(e) is { SqlState: PostgreSqlDriver.InvalidCatalogName } missing
            && missing.Message.Contains($"\"{AdminDatabase(server)}\"", StringComparison.Ordinal))
        {
            var name = AdminDatabase(server);
            throw new DatabaseUnavailableException(
                $"cannot connect to {server}: {missing.Message} (SQLSTATE {missing.SqlState})",
                $"database '{name}' does not exist: create it (createdb {name}) or point DATABASE_URL at one that exists, such as postgres (test-db only connects there to create and drop the test databases)",
                e);
        }
        catch (Exception e) when (PostgreSqlDriver.ServerError(e) is { } refused)
        {
            throw new StrataException(ErrorCategory.BadInput, $"the server refused: {refused.Message} (SQLSTATE {refused.SqlState})", Hint(refused.SqlState), e);
        }
        catch (Exception e) when (PostgreSqlDriver.IsDriverFailure(e))
        {
            throw new DatabaseUnavailableException($"cannot reach {server}: {e.Message}", "check DATABASE_URL and that the server is running", e);
        }
    }

    /// <summary>As <see cref="RunAsync{T}"/> for an action without a result.</summary>
    public static Task RunAsync(string server, Func<Task> action, string? database = null) =>
        RunAsync(server, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        }, database);

    /// <summary>The database the connection names: the last part of <c>postgres://user@host:port/database</c>.</summary>
    private static string AdminDatabase(string server)
    {
        var path = server.Split('?')[0];
        return path[(path.LastIndexOf('/') + 1)..];
    }

    private static string Hint(string sqlState) => sqlState switch
    {
        PostgreSqlDriver.InsufficientPrivilege => "the role of the configured database needs the CREATEDB privilege to create and drop test databases (ALTER ROLE … CREATEDB)",
        PostgreSqlDriver.ObjectInUse => "another session is connected to that database or its template; close it (or wait) and run again",
        PostgreSqlDriver.InvalidCatalogName => "that database does not exist (any more); `strata test-db clean` lists and drops what is left",
        _ => "the server's message above says what it refused; check the role's privileges (CREATEDB) and the database name",
    };
}

using Strata.Configuration;
using Strata.Errors;
using Strata.PostgreSql;
using Strata.Testing;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// What the <c>test-db</c> commands share: the configured PostgreSQL server as a <see cref="PostgresTestServer"/>,
/// and server errors turned into Strata errors (unreachable: exit 5; refused by the server: exit 2).
/// </summary>
internal static class TestDbServer
{
    public static PostgresTestServer Open(CommandContext ctx)
    {
        var target = ctx.Database;
        if (target.Kind != DatabaseKind.PostgreSql)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"test-db works on PostgreSQL; the configured database is {ctx.DatabaseDisplay}",
                "SQLite test databases are file copies: use TestDatabases.ForSqlite from the Strata.Testing package (docs/testing.md), or point DATABASE_URL at a PostgreSQL server");
        }

        return new PostgresTestServer(target.ConnectionString);
    }

    /// <summary>Runs <paramref name="action"/>; <paramref name="database"/> is the database it creates or drops, for the messages.</summary>
    public static async Task<T> RunAsync<T>(CommandContext ctx, Func<Task<T>> action, string? database = null)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (PostgreSqlDriver.ServerError(e) is { SqlState: PostgreSqlDriver.DuplicateDatabase } && database is not null)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"the name '{database}' is taken: the server already has a database called that; nothing was created",
                $"choose another --name, or leave --name out for a random one; if Strata's test tooling made it, `strata test-db drop {database}` removes it",
                e);
        }
        catch (Exception e) when (PostgreSqlDriver.ServerError(e) is { } refused)
        {
            throw new StrataException(ErrorCategory.BadInput, $"the server refused: {refused.Message} (SQLSTATE {refused.SqlState})", Hint(refused.SqlState), e);
        }
        catch (Exception e) when (PostgreSqlDriver.IsDriverFailure(e))
        {
            throw new StrataException(ErrorCategory.Unavailable, $"cannot reach {ctx.DatabaseDisplay}: {e.Message}", "check DATABASE_URL and that the server is running", e);
        }
    }

    private static string Hint(string sqlState) => sqlState switch
    {
        PostgreSqlDriver.InsufficientPrivilege => "the role of the configured database needs the CREATEDB privilege to create and drop test databases (ALTER ROLE … CREATEDB)",
        PostgreSqlDriver.ObjectInUse => "another session is connected to that database or its template; close it (or wait) and run again",
        PostgreSqlDriver.InvalidCatalogName => "that database does not exist (any more); `strata test-db clean` lists and drops what is left",
        _ => "the server's message above says what it refused; check the role's privileges (CREATEDB) and the database name",
    };
}

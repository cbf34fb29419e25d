using Npgsql;
using Strata.Configuration;
using Strata.Errors;
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

    public static async Task<T> RunAsync<T>(CommandContext ctx, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (PostgresException e)
        {
            throw new StrataException(ErrorCategory.BadInput, $"the server refused: {e.MessageText} (SQLSTATE {e.SqlState})", "check that the role of the configured database may create and drop databases (CREATEDB)", e);
        }
        catch (NpgsqlException e)
        {
            throw new StrataException(ErrorCategory.Unavailable, $"cannot reach {ctx.DatabaseDisplay}: {e.Message}", "check DATABASE_URL and that the server is running", e);
        }
    }
}

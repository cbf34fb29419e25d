using Npgsql;
using Strata.Configuration;
using Strata.Errors;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// Empties the configured database for <c>strata reset</c>: PostgreSQL drops every non-system schema (with
/// everything in it) and recreates an empty <c>public</c>; SQLite deletes the file and its journals.
/// </summary>
internal static class DatabaseWiper
{
    public static async Task WipeAsync(CommandContext ctx, CancellationToken cancellationToken)
    {
        var target = ctx.Database;
        if (target.Kind == DatabaseKind.Sqlite)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(target.ConnectionString + suffix);
            }

            return;
        }

        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await PostgreSql.PostgreSqlSchemaWipe.WipeAsync(connection, cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new StrataException(ErrorCategory.BadInput, $"reset could not drop the schemas of {ctx.DatabaseDisplay}: {e.MessageText} (SQLSTATE {e.SqlState})", "run reset as the owner of every schema (or a superuser)", e);
        }
        catch (NpgsqlException e)
        {
            throw new StrataException(ErrorCategory.Unavailable, $"cannot reach {ctx.DatabaseDisplay}: {e.Message}", "check DATABASE_URL and that the server is running", e);
        }
    }
}

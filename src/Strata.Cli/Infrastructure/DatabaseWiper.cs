using Strata.Configuration;
using Strata.Errors;
using Strata.PostgreSql;

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
            await PostgreSqlSchemaWipe.WipeAsync(target.ConnectionString, cancellationToken);
        }
        catch (Exception e) when (PostgreSqlDriver.ServerError(e) is { } refused)
        {
            throw new StrataException(ErrorCategory.BadInput, $"reset could not drop the schemas of {ctx.DatabaseDisplay}: {refused.Message} (SQLSTATE {refused.SqlState})", "run reset as the owner of every schema (or a superuser)", e);
        }
        catch (Exception e) when (PostgreSqlDriver.IsDriverFailure(e))
        {
            throw new StrataException(ErrorCategory.Unavailable, $"cannot reach {ctx.DatabaseDisplay}: {e.Message}", "check DATABASE_URL and that the server is running", e);
        }
    }
}

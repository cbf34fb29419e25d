using Npgsql;
using Strata.Errors;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>The wipe role (<c>strata reset</c>): <see cref="PostgreSqlSchemaWipe"/> on the dialect's database, the server's refusal as exit 2, an unreachable server or one that refuses the connection (no such database) as exit 5.</summary>
internal sealed class DatabaseWipe(string connectionString) : IDatabaseWipe
{
    public async Task WipeAsync(string display, CancellationToken cancellationToken)
    {
        try
        {
            await PostgreSqlSchemaWipe.WipeAsync(connectionString, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (ErrorTranslator.IsConnectionRefusal(e.SqlState))
        {
            // No database of that name, a refused login: exit 5 with the fix (createdb …), as migrate says it.
            throw ErrorTranslator.OpenFailed(new ServerEndpoint(new NpgsqlConnectionStringBuilder(connectionString)), e);
        }
        catch (Exception e) when (PostgreSqlDriver.ServerError(e) is { } refused)
        {
            throw new StrataException(ErrorCategory.BadInput, $"reset could not drop the schemas of {display}: {refused.Message} (SQLSTATE {refused.SqlState})", "run reset as the owner of every schema (or a superuser)", e);
        }
        catch (Exception e) when (PostgreSqlDriver.IsDriverFailure(e))
        {
            throw new StrataException(ErrorCategory.Unavailable, $"cannot reach {display}: {e.Message}", "check DATABASE_URL and that the server is running", e);
        }
    }
}

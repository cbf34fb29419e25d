using Strata.Errors;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>
/// The scratch role: the server's kept scratch database, or a temporary one when it is busy or not usable
/// (<see cref="PostgreSqlScratchDatabase"/>); a refusal (no CREATEDB) or an unreachable server as Strata's errors.
/// </summary>
internal sealed class ScratchDatabases(string connectionString) : IScratchDatabases
{
    public async Task<IScratchDatabase> OpenAsync(string? contentKey, string display, CancellationToken cancellationToken)
    {
        try
        {
            return contentKey is null
                ? await PostgreSqlScratchDatabase.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false)
                : await PostgreSqlScratchDatabase.OpenForFilesAsync(connectionString, contentKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgreSqlDriver.ServerError(e) is { } refused)
        {
            throw Failed(refused.Message, e);
        }
        catch (Exception e) when (PostgreSqlDriver.IsDriverFailure(e))
        {
            throw SchemaSide.Unreachable(display, e);
        }
    }

    /// <summary>No scratch database could be made: the role needs CREATEDB, or a dev database of its own.</summary>
    private static StrataException Failed(string detail, Exception inner) => new(
        ErrorCategory.Unavailable,
        "could not create a scratch database (the schema commands, verify and lint --measure work on one): " + detail,
        "the role needs the CREATEDB privilege (ALTER ROLE … CREATEDB) on this server; or give Strata an empty database of its own for this work: \"devDatabase\" in strata.json, --dev-database or STRATA_DEV_DATABASE_URL",
        inner);
}

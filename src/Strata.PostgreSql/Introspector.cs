using Npgsql;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>The introspect role: <see cref="PostgreSqlSchemaIntrospector"/> on the dialect's database, an unreachable server as exit 5.</summary>
internal sealed class Introspector(string connectionString, NpgsqlDataSource? dataSource) : ISchemaIntrospector
{
    /// <summary>Always true: a server database that does not exist says so when it is read.</summary>
    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public async Task<DatabaseSchema> ReadAsync(SchemaFilter? filter, string display, CancellationToken cancellationToken)
    {
        try
        {
            return dataSource is null
                ? await PostgreSqlSchemaIntrospector.ReadAsync(connectionString, filter, cancellationToken).ConfigureAwait(false)
                : await PostgreSqlSchemaIntrospector.ReadAsync(dataSource, filter, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgreSqlDriver.IsUnreachable(e))
        {
            throw SchemaSide.Unreachable(display, e);
        }
        catch (PostgresException e) when (ErrorTranslator.IsConnectionRefusal(e.SqlState))
        {
            // No database of that name, a refused login, a server starting up or full: exit 5 with the fix, as migrate says it.
            throw ErrorTranslator.OpenFailed(new ServerEndpoint(new NpgsqlConnectionStringBuilder(dataSource?.ConnectionString ?? connectionString)), e);
        }
    }
}

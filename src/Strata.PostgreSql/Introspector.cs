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
    }
}

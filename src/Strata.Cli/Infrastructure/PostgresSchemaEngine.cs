using Npgsql;
using Strata.Errors;
using Strata.PostgreSql;
using Strata.Schema;

namespace Strata.Cli.Infrastructure;

/// <summary>The schema commands on PostgreSQL: scratch databases are temporary databases on the same server.</summary>
internal sealed class PostgresSchemaEngine(CommandContext context) : SchemaEngine(context)
{
    public override IDdlRenderer Renderer => PostgreSqlDdlRenderer.Instance;

    public override async Task<DatabaseSchema> ReadDatabaseAsync(SchemaFilter filter, CancellationToken cancellationToken)
    {
        try
        {
            var schema = await PostgreSqlSchemaIntrospector.ReadAsync(Context.Database.ConnectionString, HistoryFilter, cancellationToken);
            return schema.Filter(filter);
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            throw Unreachable(e);
        }
    }

    public override async Task UseScratchAsync(Func<ScratchDatabase, Task> work, CancellationToken cancellationToken)
    {
        PostgreSqlScratchDatabase scratch;
        try
        {
            scratch = await PostgreSqlScratchDatabase.CreateAsync(Context.Database.ConnectionString, cancellationToken);
        }
        catch (PostgresException e)
        {
            throw ScratchFailed(e.MessageText, e);
        }
        catch (NpgsqlException e)
        {
            throw Unreachable(e);
        }

        await using (scratch)
        {
            await work(new ScratchDatabase(new PostgreSqlDialect(scratch.ConnectionString), ct => scratch.ReadAsync(HistoryFilter, ct))
            {
                ConnectionString = scratch.ConnectionString,
            });
        }
    }

    private DatabaseUnavailableException Unreachable(NpgsqlException e) => new(
        $"cannot reach {Context.DatabaseDisplay}: {e.Message}",
        "check that the server is running and the host, port and credentials in the database URL are right",
        e);
}

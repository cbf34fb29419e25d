using Strata.Errors;
using Strata.PostgreSql;
using Strata.Schema;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// The schema commands on PostgreSQL: the scratch database is the server's kept scratch database (or a temporary one
/// when that is busy or not usable; see <see cref="PostgreSqlScratchDatabase"/>), or the configured dev database
/// (emptied again after each use).
/// </summary>
internal sealed class PostgresSchemaEngine(CommandContext context) : SchemaEngine(context)
{
    public override string? DefaultSchema => "public";

    public override IDdlRenderer Renderer => PostgreSqlDdlRenderer.Instance;

    protected override DatabaseSchema WithHistorySchema(DatabaseSchema state) =>
        OwnSchema is { } schema && !state.Objects.Any(o => o.Kind == ObjectKind.Schema && o.Name.Name == schema)
            ? new DatabaseSchema(state.Tables, [.. state.Objects, new SchemaObject(ObjectKind.Schema, new QualifiedName(null, schema), "")])
            : state;

    protected override async Task<DatabaseSchema> ReadLiveAsync(SchemaFilter filter, CancellationToken cancellationToken)
    {
        try
        {
            var schema = await PostgreSqlSchemaIntrospector.ReadAsync(Context.Database.ConnectionString, HistoryFilter, cancellationToken);
            return schema.Filter(filter);
        }
        catch (Exception e) when (PostgreSqlDriver.IsUnreachable(e))
        {
            throw Unreachable(e);
        }
    }

    protected override async Task<ScratchDatabase> OpenScratchAsync(string? contentKey, CancellationToken cancellationToken)
    {
        if (Context.DevDatabase is { } dev)
        {
            return await OpenDevDatabaseAsync(dev, cancellationToken);
        }

        PostgreSqlScratchDatabase scratch;
        try
        {
            scratch = contentKey is null
                ? await PostgreSqlScratchDatabase.OpenAsync(Context.Database.ConnectionString, cancellationToken)
                : await PostgreSqlScratchDatabase.OpenForFilesAsync(Context.Database.ConnectionString, contentKey, cancellationToken);
        }
        catch (Exception e) when (PostgreSqlDriver.ServerError(e) is { } refused)
        {
            throw ScratchFailed(refused.Message, e);
        }
        catch (Exception e) when (PostgreSqlDriver.IsDriverFailure(e))
        {
            throw Unreachable(e);
        }

        return new ScratchDatabase(scratch.Provider, ct => scratch.ReadAsync(HistoryFilter, ct), scratch.EmptyAsync, scratch)
        {
            ConnectionString = scratch.ConnectionString,
            Reused = scratch.Reused,
            RememberAsync = scratch.RememberAsync,
        };
    }

    /// <summary>The configured dev database instead of a temporary one: locked, checked empty, emptied again afterwards.</summary>
    private async Task<ScratchDatabase> OpenDevDatabaseAsync(Configuration.DatabaseTarget dev, CancellationToken cancellationToken)
    {
        if (dev.Kind != Configuration.DatabaseKind.PostgreSql)
        {
            throw new ConfigurationException(
                $"the dev database {dev.DisplayName} is not a PostgreSQL database, but {Context.DatabaseDisplay} is",
                "point devDatabase (or --dev-database) at an empty PostgreSQL database, or leave it out to use temporary databases");
        }

        PostgreSqlDevDatabase database;
        try
        {
            database = await PostgreSqlDevDatabase.OpenAsync(dev.ConnectionString, dev.DisplayName, Context.Settings.LockTimeout, cancellationToken);
        }
        catch (Exception e) when (PostgreSqlDriver.IsUnreachable(e))
        {
            throw new DatabaseUnavailableException($"cannot reach the dev database {dev.DisplayName}: {e.Message}", "check devDatabase (or --dev-database, STRATA_DEV_DATABASE_URL) and that its server is running", e);
        }

        return new ScratchDatabase(new PostgreSqlDialect(database.ConnectionString), ct => database.ReadAsync(HistoryFilter, ct), database.EmptyAsync, new DevRelease(Context, dev, database))
        {
            ConnectionString = database.ConnectionString,
        };
    }

    private DatabaseUnavailableException Unreachable(Exception e) => new(
        $"cannot reach {Context.DatabaseDisplay}: {e.Message}",
        "check that the server is running and the host, port and credentials in the database URL are right",
        e);

    /// <summary>Empties and releases the dev database at the end of the command; a failure to empty it is a warning.</summary>
    private sealed class DevRelease(CommandContext context, Configuration.DatabaseTarget dev, PostgreSqlDevDatabase database) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (await database.EmptyAndReleaseAsync() is { } problem)
            {
                context.Terminal.Warning($"could not empty the dev database {dev.DisplayName}: {problem}");
            }
        }
    }
}

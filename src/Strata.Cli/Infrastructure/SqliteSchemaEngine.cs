using Strata.Execution;
using Strata.Schema;
using Strata.Sqlite;

namespace Strata.Cli.Infrastructure;

/// <summary>The schema commands on SQLite: scratch databases are temporary files, deleted afterwards.</summary>
internal sealed class SqliteSchemaEngine(CommandContext context) : SchemaEngine(context)
{
    public override IDdlRenderer Renderer => SqliteDdlRenderer.Instance;

    public override async Task<DatabaseSchema> ReadDatabaseAsync(SchemaFilter filter, CancellationToken cancellationToken)
    {
        var path = Context.Database.ConnectionString;
        if (!File.Exists(path))
        {
            return DatabaseSchema.Empty;
        }

        var schema = await SqliteSchemaIntrospector.ReadAsync(path, HistoryFilter, cancellationToken);
        return schema.Filter(filter);
    }

    protected override async Task<DatabaseSchema> WithScratchAsync(Func<IDatabaseProvider, Task> fill, CancellationToken cancellationToken)
    {
        var scratch = SqliteScratchDatabase.Create();
        await using (scratch)
        {
            await fill(new SqliteDialect(scratch.Path));
            return await scratch.ReadAsync(HistoryFilter, cancellationToken);
        }
    }
}

using Strata.Schema;
using Strata.Sqlite;

namespace Strata.Cli.Infrastructure;

/// <summary>The schema commands on SQLite: scratch databases are temporary files, deleted afterwards.</summary>
internal sealed class SqliteSchemaEngine(CommandContext context) : SchemaEngine(context)
{
    public override string? DefaultSchema => null;

    public override IDdlRenderer Renderer => SqliteDdlRenderer.Instance;

    protected override async Task<DatabaseSchema> ReadLiveAsync(SchemaFilter filter, CancellationToken cancellationToken)
    {
        var path = Context.Database.ConnectionString;
        SqliteFolder.Require(Context.Database, Context.Settings, Context.Host.WorkingDirectory);
        if (!File.Exists(path))
        {
            if (MissingDatabaseIsEmpty)
            {
                Context.Terminal.Note($"note: {Spectre.Console.Markup.Escape(Context.DatabaseDisplay)} does not exist yet: compared as an empty database (nothing was created)");
                return DatabaseSchema.Empty;
            }

            throw new Errors.DatabaseUnavailableException(
                    $"database not found: the SQLite file {path} does not exist; nothing was created",
                    "check the path in --database / DATABASE_URL / DB_PATH / strata.json; `strata migrate` or `strata push` creates the file");
        }

        var schema = await SqliteSchemaIntrospector.ReadAsync(path, HistoryFilter, cancellationToken);
        return schema.Filter(filter);
    }

    protected override Task<ScratchDatabase> OpenScratchAsync(string? contentKey, CancellationToken cancellationToken)
    {
        if (Context.DevDatabase is { } dev)
        {
            throw new Errors.ConfigurationException(
                $"a dev database ({dev.DisplayName}) is configured, but {Context.DatabaseDisplay} is SQLite, whose scratch databases are temporary files",
                "leave devDatabase (and --dev-database, STRATA_DEV_DATABASE_URL) out for SQLite projects");
        }

        var scratch = SqliteScratchDatabase.Create();
        return Task.FromResult(new ScratchDatabase(new SqliteDialect(scratch.Path), ct => scratch.ReadAsync(HistoryFilter, ct), scratch.EmptyAsync, scratch));
    }
}

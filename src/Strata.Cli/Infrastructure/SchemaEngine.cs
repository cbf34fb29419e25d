using Strata.Configuration;
using Strata.Errors;
using Strata.Execution;
using Strata.Schema;
using Strata.Sources;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// What the schema commands need from a dialect: its renderer, the live database's state, and the state that SQL
/// files or the migrations produce on a scratch database. <see cref="For"/> picks the dialect of the configured database.
/// </summary>
internal abstract class SchemaEngine
{
    protected SchemaEngine(CommandContext context)
    {
        Context = context;
    }

    public abstract IDdlRenderer Renderer { get; }

    /// <summary>
    /// True for push (which creates the database) and diff (which shows what push would do): an SQLite file that does
    /// not exist yet reads as an empty schema, with a note naming it. Otherwise (pull) a missing file is "database not
    /// found" (exit 5). Reading never creates the file.
    /// </summary>
    public bool MissingDatabaseIsEmpty { get; init; }

    protected CommandContext Context { get; }

    /// <summary>Strata's own tables, always left out.</summary>
    public SchemaFilter HistoryFilter => new()
    {
        ExcludedTables = [new QualifiedName(Context.Settings.History.Schema, Context.Settings.History.Table), new QualifiedName(Context.Settings.History.Schema, Context.Settings.History.AuditTable)],
    };

    public static SchemaEngine For(CommandContext context, bool missingDatabaseIsEmpty = false) => context.Database.Kind == DatabaseKind.Sqlite
        ? new SqliteSchemaEngine(context) { MissingDatabaseIsEmpty = missingDatabaseIsEmpty }
        : new PostgresSchemaEngine(context);

    /// <summary>The configured database's state.</summary>
    public abstract Task<DatabaseSchema> ReadDatabaseAsync(SchemaFilter filter, CancellationToken cancellationToken);

    /// <summary>The state <paramref name="files"/> produce when applied to an empty scratch database.</summary>
    public Task<DatabaseSchema> ReadFilesAsync(SchemaFiles files, CancellationToken cancellationToken) =>
        WithScratchAsync(async provider =>
        {
            var session = await provider.OpenAsync(new SessionOptions(), cancellationToken);
            await using (session)
            {
                foreach (var (path, display, text) in files.Files)
                {
                    try
                    {
                        await session.Executor.ExecuteStatementsAsync(display, new SqlScript(text, path, 1, transactional: false), null, cancellationToken);
                    }
                    catch (MigrationFailedException e)
                    {
                        throw new SchemaFileException(e);
                    }
                }
            }
        }, cancellationToken);

    /// <summary>The state the migrations folder produces when applied to an empty scratch database.</summary>
    public Task<DatabaseSchema> ReadMigrationsAsync(CancellationToken cancellationToken) => !Directory.Exists(Context.Settings.MigrationsPath)
        ? Task.FromResult(DatabaseSchema.Empty)
        : WithScratchAsync(async provider =>
        {
            var settings = Context.Settings;
            var options = new MigratorOptions { Environment = settings.Environment, History = settings.History };
            var result = await new Migrator(provider, Context.Source, options).MigrateAsync(null, cancellationToken);
            if (!result.Success)
            {
                throw result.Errors[0];
            }
        }, cancellationToken);

    /// <summary>Runs <paramref name="diff"/> on the configured database in one transaction.</summary>
    public async Task ApplyAsync(SchemaDiff diff, CancellationToken cancellationToken)
    {
        var provider = ProviderFactory.Create(Context.Database, Context.Settings);
        var session = await provider.OpenAsync(new SessionOptions(), cancellationToken);
        await using (session)
        {
            var script = diff.RunsOutsideTransaction ? diff.ToScript() : "BEGIN;\n" + diff.ToScript() + "COMMIT;\n";
            await session.Executor.ExecuteStatementsAsync("push", new SqlScript(script, "push", 1, transactional: false), null, cancellationToken);
        }
    }

    /// <summary>
    /// Creates an empty scratch database, hands it to <paramref name="work"/> (a provider to migrate it with and a
    /// reader of its schema without Strata's tables, usable any number of times), and drops it afterwards.
    /// </summary>
    public abstract Task UseScratchAsync(Func<ScratchDatabase, Task> work, CancellationToken cancellationToken);

    /// <summary>Creates a scratch database, lets <paramref name="fill"/> build it, and reads it (without Strata's tables).</summary>
    protected async Task<DatabaseSchema> WithScratchAsync(Func<IDatabaseProvider, Task> fill, CancellationToken cancellationToken)
    {
        var schema = DatabaseSchema.Empty;
        await UseScratchAsync(
            async scratch =>
            {
                await fill(scratch.Provider);
                schema = await scratch.ReadAsync(cancellationToken);
            },
            cancellationToken);
        return schema;
    }

    protected static StrataException ScratchFailed(string detail, Exception inner) => new(
        ErrorCategory.Unavailable,
        "could not create a scratch database (the schema commands, verify and lint --measure work on one): " + detail,
        "the role needs the CREATEDB privilege (ALTER ROLE … CREATEDB) on this server; or give Strata an empty database of its own for this work: \"devDatabase\" in strata.json, --dev-database or STRATA_DEV_DATABASE_URL",
        inner);
}

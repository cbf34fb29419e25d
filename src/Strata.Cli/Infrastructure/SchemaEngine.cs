using Strata.Configuration;
using Strata.Errors;
using Strata.Execution;
using Strata.Schema;
using Strata.Sources;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// What the schema commands need from a dialect: its renderer, the live database's state, and the state that SQL
/// files or the migrations produce on a scratch database. <see cref="For"/> picks the dialect of the configured database.
/// One scratch database serves the whole command (created on first use, emptied between uses, dropped or released by
/// <see cref="DisposeAsync"/>), and <c>--verbose</c> prints where the time went (<see cref="Timings"/>).
/// </summary>
internal abstract class SchemaEngine : IAsyncDisposable
{
    private ScratchDatabase? _scratch;
    private bool _scratchUsed;

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

    /// <summary>The schema that exists in every database of the dialect (<c>public</c>), or null (SQLite has no schemas).</summary>
    public abstract string? DefaultSchema { get; }

    /// <summary>The time each step took, printed on stderr with <c>--verbose</c> when the engine is disposed.</summary>
    public StepTimings Timings { get; } = new();

    protected CommandContext Context { get; }

    /// <summary>Strata's own tables, always left out.</summary>
    public SchemaFilter HistoryFilter => new()
    {
        ExcludedTables = [new QualifiedName(Context.Settings.History.Schema, Context.Settings.History.Table), new QualifiedName(Context.Settings.History.Schema, Context.Settings.History.AuditTable)],
    };

    /// <summary>Strata's history schema when one is configured (never part of a diff, see <see cref="HistorySchema"/>).</summary>
    public string? OwnSchema => Context.Settings.History.Schema;

    public static SchemaEngine For(CommandContext context, bool missingDatabaseIsEmpty = false) => context.Database.Kind == DatabaseKind.Sqlite
        ? new SqliteSchemaEngine(context) { MissingDatabaseIsEmpty = missingDatabaseIsEmpty }
        : new PostgresSchemaEngine(context);

    /// <summary>The configured database's state.</summary>
    public Task<DatabaseSchema> ReadDatabaseAsync(SchemaFilter filter, CancellationToken cancellationToken) =>
        Timings.TimeAsync("database read", () => ReadLiveAsync(filter, cancellationToken));

    /// <summary>The changes from <paramref name="current"/> to <paramref name="desired"/>, Strata's history schema left out of them.</summary>
    public SchemaDiff Compare(DatabaseSchema current, DatabaseSchema desired, IReadOnlyList<RenameHint>? renames = null)
    {
        var (from, to) = HistorySchema.Align(current, desired, OwnSchema);
        return SchemaDiffer.Compare(from, to, Renderer, renames);
    }

    /// <summary>Both directions between <paramref name="current"/> and <paramref name="desired"/>, Strata's history schema left out of them.</summary>
    public SchemaPlan Plan(DatabaseSchema current, DatabaseSchema desired, IReadOnlyList<RenameHint>? renames = null)
    {
        var (from, to) = HistorySchema.Align(current, desired, OwnSchema);
        return SchemaDiffer.Plan(from, to, Renderer, renames);
    }

    /// <summary><paramref name="state"/> as pull and dump write it: without Strata's history schema when nothing of the user's is in it.</summary>
    public DatabaseSchema ForRendering(DatabaseSchema state) => HistorySchema.WithoutEmpty(state, OwnSchema);

    /// <summary>
    /// The state <paramref name="files"/> produce when applied to an empty scratch database. When this is the command's
    /// first use of the kept PostgreSQL scratch database and it already holds what the same files give (same
    /// <see cref="SchemaFiles.ContentKey"/>, same server facts; ADR 024), it is read without applying them again.
    /// </summary>
    public Task<DatabaseSchema> ReadFilesAsync(SchemaFiles files, CancellationToken cancellationToken) =>
        WithScratchAsync(files.ContentKey, provider => Timings.TimeAsync("schema files applied", async () =>
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
        }), cancellationToken);

    /// <summary>
    /// The desired state (<paramref name="files"/> on the scratch database) and the configured database's state, read at
    /// the same time (two servers' work, or two sessions of one). A schema file's error wins over the database's.
    /// </summary>
    public async Task<(DatabaseSchema Desired, DatabaseSchema Current)> ReadFilesAndDatabaseAsync(SchemaFiles files, SchemaFilter filter, CancellationToken cancellationToken)
    {
        var desired = ReadFilesAsync(files, cancellationToken);
        var current = ReadDatabaseAsync(filter, cancellationToken);
        try
        {
            return (await desired, await current);
        }
        catch when (!current.IsCompleted)
        {
            await Task.WhenAny(current); // not left running behind the error (its own failure is the lesser one)
            throw;
        }
    }

    /// <summary>
    /// The state the migrations folder produces when applied to an empty scratch database, with Strata's history schema
    /// in it even when no migration ran: <c>strata migrate</c> creates it before the first one.
    /// </summary>
    public async Task<DatabaseSchema> ReadMigrationsAsync(CancellationToken cancellationToken) => WithHistorySchema(!Directory.Exists(Context.Settings.MigrationsPath)
        ? DatabaseSchema.Empty
        : await WithScratchAsync(null, provider => Timings.TimeAsync("migrations applied", async () =>
        {
            var options = Context.MigratorOptions;
            await new Migrator(provider, Context.Source, options).MigrateAsync(null, cancellationToken);
        }), cancellationToken));

    /// <summary>Runs <paramref name="diff"/> on the configured database in one transaction.</summary>
    public async Task ApplyAsync(SchemaDiff diff, CancellationToken cancellationToken)
    {
        var provider = ProviderFactory.Create(Context.Database, Context.Settings);
        var session = await provider.OpenAsync(new SessionOptions(), cancellationToken);
        await using (session)
        {
            var script = diff.RunsOutsideTransaction ? diff.ToScript() : "BEGIN;\n" + diff.ToScript() + "COMMIT;\n";
            await Timings.TimeAsync("changes applied", () => session.Executor.ExecuteStatementsAsync("push", new SqlScript(script, "push", 1, transactional: false), null, cancellationToken));
        }
    }

    /// <summary>
    /// Hands an empty scratch database to <paramref name="work"/> (a provider to migrate it with and a reader of its
    /// schema without Strata's tables, usable any number of times). The command's scratch database is created on first
    /// use and emptied before each later use.
    /// </summary>
    public Task UseScratchAsync(Func<ScratchDatabase, Task> work, CancellationToken cancellationToken) => UseScratchAsync(null, work, cancellationToken);

    /// <summary>
    /// <see cref="UseScratchAsync(Func{ScratchDatabase, Task}, CancellationToken)"/>; on the first use, the scratch
    /// database is opened for schema files of <paramref name="contentKey"/> and may come back <see cref="ScratchDatabase.Reused"/>.
    /// </summary>
    private async Task UseScratchAsync(string? contentKey, Func<ScratchDatabase, Task> work, CancellationToken cancellationToken)
    {
        var first = _scratch is null;
        var scratch = _scratch ??= await Timings.TimeAsync("scratch database ready", () => OpenScratchAsync(contentKey, cancellationToken));
        if (_scratchUsed)
        {
            await Timings.TimeAsync("scratch database emptied", () => scratch.EmptyAsync(cancellationToken));
        }

        _scratchUsed = true;
        await work(scratch with
        {
            ReadAsync = ct => Timings.TimeAsync("scratch read", () => scratch.ReadAsync(ct)),
            Reused = first && scratch.Reused,
        });
    }

    /// <summary>Drops (or releases) the scratch database, then prints the timings with <c>--verbose</c>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_scratch is { } scratch)
        {
            _scratch = null;
            await Timings.TimeAsync("scratch database released", async () => await scratch.Release.DisposeAsync());
        }

        if (Context.Terminal.Verbose)
        {
            Context.Terminal.Note("[grey]" + Spectre.Console.Markup.Escape(Timings.Summary()) + "[/]");
        }
    }

    /// <summary><paramref name="state"/> with Strata's history schema in it (dialects with schemas).</summary>
    protected virtual DatabaseSchema WithHistorySchema(DatabaseSchema state) => state;

    /// <summary>The configured database's state, read by the dialect.</summary>
    protected abstract Task<DatabaseSchema> ReadLiveAsync(SchemaFilter filter, CancellationToken cancellationToken);

    /// <summary>Creates (or opens) the empty scratch database of this command; for schema files of <paramref name="contentKey"/>, the kept one may be reused as it is.</summary>
    protected abstract Task<ScratchDatabase> OpenScratchAsync(string? contentKey, CancellationToken cancellationToken);

    /// <summary>
    /// Lets <paramref name="fill"/> build the scratch database, and reads it (without Strata's tables). With a
    /// <paramref name="contentKey"/> (schema files), a reused scratch database is not filled again, and a filled one
    /// remembers the key for the next command.
    /// </summary>
    protected async Task<DatabaseSchema> WithScratchAsync(string? contentKey, Func<IDatabaseProvider, Task> fill, CancellationToken cancellationToken)
    {
        var schema = DatabaseSchema.Empty;
        await UseScratchAsync(
            contentKey,
            async scratch =>
            {
                if (scratch.Reused)
                {
                    Timings.Add("schema files unchanged, scratch database reused", TimeSpan.Zero);
                }
                else
                {
                    await fill(scratch.Provider);
                    if (contentKey is not null && scratch.RememberAsync is { } remember)
                    {
                        await remember(contentKey, cancellationToken);
                    }
                }

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

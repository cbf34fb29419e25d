using Strata.Errors;
using Strata.Execution;
using Strata.Sources;

namespace Strata.Schema;

/// <summary>
/// The schema commands' work as a library (<c>strata diff</c>, <c>generate</c>, <c>push</c>, <c>pull</c>, <c>dump</c>,
/// <c>verify</c>): a configured database, the state schema files or a migrations folder produce on a scratch database,
/// and the changes between them. One scratch database serves the whole workspace (created on first use, emptied
/// between uses, released by <see cref="DisposeAsync"/>); the kept PostgreSQL one is reused as it is when it already
/// holds what unchanged schema files give (ADR 024). <see cref="Timings"/> says where the time went.
/// </summary>
public sealed partial class SchemaWorkspace : IAsyncDisposable
{
    private readonly SchemaWorkspaceOptions _options;
    private IScratchDatabase? _scratch;
    private bool _scratchUsed;

    /// <summary>
    /// A workspace on <paramref name="database"/>, a dialect with schema roles (<c>PostgreSqlDialect</c>,
    /// <c>SqliteDialect</c>). Nothing is opened until a method needs it.
    /// </summary>
    /// <param name="database">The configured database's dialect; it must implement <see cref="ISchemaDialect"/>.</param>
    /// <param name="options">History table, dev database, accepted unmanaged objects, observer; null for the defaults.</param>
    public SchemaWorkspace(IDialect database, SchemaWorkspaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        Roles = (database as ISchemaDialect)?.SchemaRoles
            ?? throw new ArgumentException($"the dialect {database.Dialect.ToName()} has no schema roles (it does not implement ISchemaDialect)", nameof(database));
        _options = options ?? new SchemaWorkspaceOptions();
    }

    /// <summary>The configured database.</summary>
    public IDialect Database { get; }

    /// <summary>The dialect's schema roles.</summary>
    public SchemaRoles Roles { get; }

    /// <summary>The dialect's DDL renderer.</summary>
    public IDdlRenderer Renderer => Roles.Renderer;

    /// <summary>The time each step took (scratch database ready, schema files applied, reads, …).</summary>
    public SchemaTimings Timings { get; } = new();

    /// <summary>Strata's own tables (the history table and its audit table), left out of every state read.</summary>
    public SchemaFilter HistoryFilter
    {
        get
        {
            var history = _options.Migrator.History;
            return new() { ExcludedTables = [new QualifiedName(history.Schema, history.Table), new QualifiedName(history.Schema, history.AuditTable)] };
        }
    }

    /// <summary>How messages name the configured database.</summary>
    private string Display => _options.DisplayName ?? Database.DisplayName;

    /// <summary>Strata's history schema when one is configured (never part of a diff, see <see cref="HistorySchema"/>).</summary>
    private string? OwnSchema => _options.Migrator.History.Schema;

    /// <summary>
    /// The configured database's state (Strata's tables left out), <paramref name="filter"/> applied. With
    /// <see cref="SchemaWorkspaceOptions.MissingDatabaseIsEmpty"/>, a database that does not exist yet reads as empty
    /// (with a note); otherwise it is "database not found" (exit 5).
    /// </summary>
    /// <param name="filter">Which schemas and tables to keep.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<DatabaseSchema> ReadDatabaseAsync(SchemaFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Timings.TimeAsync("database read", async () =>
        {
            if (_options.MissingDatabaseIsEmpty && !await Roles.Introspector.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                _options.Observer?.Note($"{Display} does not exist yet: compared as an empty database (nothing was created)");
                return DatabaseSchema.Empty;
            }

            var schema = await Roles.Introspector.ReadAsync(HistoryFilter, Display, cancellationToken).ConfigureAwait(false);
            return schema.Filter(filter);
        });
    }

    /// <summary>
    /// The state <paramref name="files"/> produce when applied to an empty scratch database. When this is the
    /// workspace's first use of the kept PostgreSQL scratch database and it already holds what the same files give
    /// (same <see cref="SchemaFiles.ContentKey"/>, same server facts; ADR 024), it is read without applying them again.
    /// A file's failure is a <see cref="SchemaFileException"/> (exit 2).
    /// </summary>
    /// <param name="files">The desired schema.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<DatabaseSchema> ReadFilesAsync(SchemaFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        return WithScratchAsync(files.ContentKey, provider => Timings.TimeAsync("schema files applied", async () =>
        {
            var session = await provider.OpenAsync(new SessionOptions(), cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                foreach (var file in files.Files)
                {
                    try
                    {
                        await session.Executor.ExecuteStatementsAsync(file.Display, new SqlScript(file.Text, file.Path, 1, transactional: false), null, cancellationToken).ConfigureAwait(false);
                    }
                    catch (MigrationFailedException e)
                    {
                        throw new SchemaFileException(e);
                    }
                }
            }
        }), cancellationToken);
    }

    /// <summary>
    /// The desired state (<paramref name="files"/> on the scratch database) and the configured database's state, read at
    /// the same time (two servers' work, or two sessions of one). A schema file's error wins over the database's.
    /// </summary>
    /// <param name="files">The desired schema.</param>
    /// <param name="filter">Which part of the database to read.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<(DatabaseSchema Desired, DatabaseSchema Current)> ReadFilesAndDatabaseAsync(SchemaFiles files, SchemaFilter filter, CancellationToken cancellationToken)
    {
        var desired = ReadFilesAsync(files, cancellationToken);
        var current = ReadDatabaseAsync(filter, cancellationToken);
        try
        {
            return (await desired.ConfigureAwait(false), await current.ConfigureAwait(false));
        }
        catch (Exception e) when (e is not SchemaFileException)
        {
            // Not left running behind the error. A schema file's error wins; otherwise, when the configured database
            // cannot be reached, that is the cause (the scratch database is made through the same server and login).
            await Task.WhenAny(current).ConfigureAwait(false);
            if (current.Exception?.InnerException is Errors.DatabaseUnavailableException unavailable && !ReferenceEquals(unavailable, e))
            {
                throw unavailable;
            }

            throw;
        }
        catch when (!current.IsCompleted)
        {
            await Task.WhenAny(current).ConfigureAwait(false); // not left running behind the error (its own failure is the lesser one)
            throw;
        }
    }

    /// <summary>
    /// The state <paramref name="migrations"/> produce when applied to an empty scratch database, with Strata's history
    /// schema in it even when no migration ran (<c>strata migrate</c> creates it before the first one).
    /// </summary>
    /// <param name="migrations">The migrations; null when there is no migrations folder (an empty state).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<DatabaseSchema> ReadMigrationsAsync(IMigrationSource? migrations, CancellationToken cancellationToken) => WithHistorySchema(migrations is null
        ? DatabaseSchema.Empty
        : await WithScratchAsync(null, provider => Timings.TimeAsync("migrations applied", async () =>
        {
            await new Migrator(provider, migrations, _options.Migrator).MigrateAsync(null, cancellationToken).ConfigureAwait(false);
        }), cancellationToken).ConfigureAwait(false));

    /// <summary>The changes from <paramref name="current"/> to <paramref name="desired"/> (both directions), Strata's history schema left out of them.</summary>
    /// <param name="current">The state to change.</param>
    /// <param name="desired">The state to reach.</param>
    /// <param name="renames">Rename hints (<see cref="SchemaFiles.Renames"/>); null for none.</param>
    public SchemaComparison Compare(DatabaseSchema current, DatabaseSchema desired, IReadOnlyList<RenameHint>? renames = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        return new SchemaComparison(current, desired, OwnSchema, Renderer, renames, NotManaged(current, desired));
    }

    /// <summary>The objects of <paramref name="states"/> Strata cannot model that the options do not accept, each once, sorted.</summary>
    /// <param name="states">Schema states.</param>
    public IReadOnlyList<UnmanagedObject> NotManaged(params DatabaseSchema[] states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return [.. states.SelectMany(s => s.Unmanaged).Distinct().Where(u => !_options.AcceptedUnmanaged.Any(u.Matches)).OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name)];
    }

    /// <summary>
    /// <paramref name="state"/> as pull and dump write it: without Strata's history schema when nothing of the user's
    /// is in it, and with only the unmanaged objects the options do not accept (written as comments).
    /// </summary>
    /// <param name="state">A state read from a database.</param>
    public DatabaseSchema ForRendering(DatabaseSchema state)
    {
        var shown = HistorySchema.WithoutEmpty(state, OwnSchema);
        return new DatabaseSchema(shown.Tables, shown.Objects, NotManaged(shown));
    }

    /// <summary>
    /// Runs <paramref name="diff"/> on the configured database in one transaction, sent as one batch (ADR 026); a
    /// failure names its change and leaves nothing applied. A diff that manages its own transaction (an SQLite table
    /// rebuild) runs statement by statement.
    /// </summary>
    /// <param name="diff">The changes, e.g. <see cref="SchemaComparison.Changes"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task ApplyAsync(SchemaDiff diff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var session = await Database.OpenAsync(new SessionOptions(), cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var script = new SqlScript(diff.ToScript(), "push", 1, transactional: !diff.RunsOutsideTransaction);
            await Timings.TimeAsync("changes applied", () => script.Transactional
                ? PushFailure.NameChangeAsync(diff, () => session.Executor.ExecuteInTransactionAsync("push", script, cancellationToken))
                : session.Executor.ExecuteStatementsAsync("push", script, null, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the scratch database (dropped, unlocked, or — a dev database — emptied), then tells the observer the timings.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_scratch is { } scratch)
        {
            _scratch = null;
            await Timings.TimeAsync("scratch database released", async () => await scratch.DisposeAsync().ConfigureAwait(false)).ConfigureAwait(false);
        }

        _options.Observer?.Finished(Timings);
    }

    /// <summary><paramref name="state"/> with Strata's history schema in it (dialects with schemas).</summary>
    private DatabaseSchema WithHistorySchema(DatabaseSchema state) =>
        Roles.DefaultSchema is not null && OwnSchema is { } schema && !state.Objects.Any(o => o.Kind == ObjectKind.Schema && o.Name.Name == schema)
            ? new DatabaseSchema(state.Tables, [.. state.Objects, new SchemaObject(ObjectKind.Schema, new QualifiedName(null, schema), "")])
            : state;
}

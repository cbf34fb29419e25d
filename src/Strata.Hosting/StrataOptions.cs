using Strata.Code;
using Strata.Configuration;
using Strata.Execution;
using Strata.History;
using Strata.Planning;
using Strata.Sources;

namespace Strata.Hosting;

/// <summary>
/// How an application migrates: filled in by the callback of
/// <see cref="StrataServiceCollectionExtensions.AddStrata(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{StrataOptions})"/>
/// and, for the scalar settings, by the <c>Strata</c> configuration section. Read once, when the host starts (or when
/// <see cref="Migrator"/> is first resolved); a missing database or source is then a
/// <see cref="Errors.ConfigurationException"/> that stops start-up.
/// </summary>
public sealed class StrataOptions
{
    private readonly List<Func<IServiceProvider, IMigrationSource>> _sources = [];

    /// <summary>Creates the options with the defaults (migrate on start-up, fail start-up when the database is down).</summary>
    public StrataOptions()
    {
    }

    /// <summary>
    /// Creates the dialect (<c>new PostgreSqlDialect(...)</c>, <c>new SqliteDialect(...)</c>, or one a
    /// <see cref="DialectSet"/> makes from a URL) from the application's services; called once. Set it with <see cref="UseDatabase(Func{IServiceProvider, IDialect})"/>.
    /// </summary>
    public Func<IServiceProvider, IDialect>? Database { get; set; }

    /// <summary>The sources migrations are loaded from, in the order added; they share one version order.</summary>
    public IReadOnlyList<Func<IServiceProvider, IMigrationSource>> Sources => _sources;

    /// <summary>
    /// The Strata environment (decides <c>-- strata:env</c> migrations). Null (the default) takes the host's
    /// <c>IHostEnvironment.EnvironmentName</c> in lower case (<c>production</c>, <c>development</c>).
    /// </summary>
    public string? Environment { get; set; }

    /// <summary>How long a starting replica waits for another one's migration lock before start-up fails. Default 60 s.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// PostgreSQL <c>lock_timeout</c> for the statements of transactional migrations (default 5 s; null for the
    /// server's setting), so a migration stuck behind a long transaction does not queue the app's own queries
    /// behind it; such a migration is retried <see cref="LockRetries"/> times, then start-up fails.
    /// </summary>
    public TimeSpan? StatementLockTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>PostgreSQL <c>statement_timeout</c> for each migration statement; null (default) for none.</summary>
    public TimeSpan? StatementTimeout { get; set; }

    /// <summary>How often a migration that hit <see cref="StatementLockTimeout"/> is tried again (default 3).</summary>
    public int LockRetries { get; set; } = 3;

    /// <summary>The history table; <c>strata_migrations</c> in the default schema unless set.</summary>
    public HistoryTableName History { get; set; } = new();

    /// <summary>Apply pending migrations while the host starts, before any hosted service (the web server included) starts. Default true.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>What start-up does when the database cannot be reached. Default <see cref="UnavailablePolicy.FailStartup"/>.</summary>
    public UnavailablePolicy UnavailablePolicy { get; set; } = UnavailablePolicy.FailStartup;

    /// <summary>Options of the start-up migration (target version, out-of-order, missing files). Default: everything pending.</summary>
    public MigrateOptions Migrate { get; set; } = new();

    /// <summary>How long the health check reuses one status read of the database. Default 5 s; zero reads on every probe.</summary>
    public TimeSpan HealthCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Sets the dialect factory (called once, with the application's services).</summary>
    public StrataOptions UseDatabase(Func<IServiceProvider, IDialect> factory)
    {
        Database = factory ?? throw new ArgumentNullException(nameof(factory));
        return this;
    }

    /// <summary>Uses one dialect instance.</summary>
    public StrataOptions UseDatabase(IDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        Database = _ => dialect;
        return this;
    }

    /// <summary>
    /// Uses the dialect <paramref name="dialects"/> creates for <paramref name="database"/>: a <c>postgres://</c> URL,
    /// an Npgsql or libpq keyword string, <c>sqlite:path</c> or a <c>.db</c> path (relative SQLite paths against the
    /// working directory at this call), as the CLI reads <c>--database</c> and <c>DATABASE_URL</c>. Parsed when the
    /// host starts: a malformed value, or a database of a dialect not in <paramref name="dialects"/>, is a
    /// <see cref="Errors.ConfigurationException"/> (without the password) that stops start-up. SQLite waits
    /// <see cref="LockTimeout"/> for another writer. Hosting references no driver: the application builds the set from
    /// the dialect packages it references, e.g. <c>new DialectSet(PostgreSqlDialect.Factory, SqliteDialect.Factory)</c>.
    /// </summary>
    public StrataOptions UseDatabase(string database, DialectSet dialects)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(dialects);
        var baseDirectory = Directory.GetCurrentDirectory();
        Database = _ => dialects.Create(database, baseDirectory, Settings());
        return this;
    }

    /// <summary>
    /// Uses the dialect <paramref name="dialects"/> creates for an already resolved <paramref name="target"/>
    /// (<see cref="DatabaseUrl.Parse"/>); otherwise as <see cref="UseDatabase(string, DialectSet)"/>.
    /// </summary>
    public StrataOptions UseDatabase(DatabaseTarget target, DialectSet dialects)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(dialects);
        Database = _ => dialects.Create(target, Settings());
        return this;
    }

    /// <summary>
    /// Adds a folder of SQL migration files. A relative <paramref name="path"/> is resolved against the application's
    /// folder (<see cref="AppContext.BaseDirectory"/>, where files marked <c>CopyToOutputDirectory</c> land), not
    /// the working directory, so the app finds its migrations wherever it is started from. A folder that does not
    /// exist when the host starts is a <see cref="Errors.ConfigurationException"/> saying how to ship it.
    /// </summary>
    public StrataOptions AddFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var baseDirectory = AppContext.BaseDirectory;
        var full = Path.GetFullPath(path, baseDirectory);
        return AddSource(_ => Directory.Exists(full)
            ? new DirectoryMigrationSource(full, baseDirectory)
            : throw new Errors.ConfigurationException(
                $"the migrations folder '{full}' does not exist",
                "ship the files with the app (<None Include=\"migrations\\*.sql\" CopyToOutputDirectory=\"PreserveNewest\" />) or pass AddFolder an existing path"));
    }

    /// <summary>Adds any source: an embedded-resource source, a composite, your own implementation.</summary>
    public StrataOptions AddSource(IMigrationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _sources.Add(_ => source);
        return this;
    }

    /// <summary>Adds a source created from the application's services (called once, when Strata is first used).</summary>
    public StrataOptions AddSource(Func<IServiceProvider, IMigrationSource> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _sources.Add(factory);
        return this;
    }

    /// <summary>Adds C# migrations; they are ordered by version together with the SQL files of the other sources.</summary>
    public StrataOptions AddCode(params IEnumerable<CodeMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return AddSource(new CodeMigrationSource(migrations));
    }

    private DialectSettings Settings() => new() { LockTimeout = LockTimeout };
}

using Strata.Configuration;
using Strata.Errors;
using Strata.Sources;

namespace Strata.Lint;

/// <summary>
/// <c>strata lint</c> as a library call: reads strata.json's lint settings, loads and selects the migrations (the
/// files named, or those added since a git revision), scopes them by the configured database's history (only what
/// is still to run, plus <c>edited-applied</c> and <c>out-of-order</c>) and runs the <see cref="Linter"/>. Files that
/// do not load are reported as findings beside the readable ones.
/// </summary>
/// <example>
/// <code>
/// var dialects = new DialectSet(PostgreSqlDialect.Factory, SqliteDialect.Factory);
/// var settings = ConfigurationResolver.Resolve(new ConfigurationOverrides(), variables, workingDirectory, dialects);
/// var run = await MigrationLint.RunAsync(new LintRequest(new DirectoryMigrationSource(settings.MigrationsPath), settings, workingDirectory) { Offline = true });
/// foreach (var finding in run.Report!.Findings) { Console.WriteLine(finding); }
/// </code>
/// </example>
public static class MigrationLint
{
    /// <summary>
    /// The linter options of <paramref name="settings"/>: the SQL dialect of the configured database (PostgreSQL when
    /// none), strata.json's severities and style pack, whether Strata bounds lock waits, the declared environments.
    /// An unknown rule or a malformed <c>lint.small</c>/<c>lint.large</c> is a <see cref="ConfigurationException"/>.
    /// </summary>
    public static LintOptions Options(StrataSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new LintOptions
        {
            Dialect = settings.Database?.Dialect == Dialect.Sqlite ? Dialect.Sqlite : Dialect.PostgreSql,
            EngineLockTimeout = settings.StatementLockTimeout is { } t && t > TimeSpan.Zero,
            Severities = LintSettings.Severities(settings.Lint, settings.ConfigFile),
            Style = LintSettings.Style(settings.Lint),
            DeclaredEnvironments = settings.DeclaredEnvironments,
        };
        _ = LintSettings.Thresholds(settings.Lint, settings.ConfigFile);
        return options;
    }

    /// <summary>
    /// Lints what <paramref name="request"/> asks for. Bad input (a file that is not a migration of the folder, options
    /// that cannot be combined, an unknown git revision) is a <see cref="ConfigurationException"/>; an unreachable
    /// database is the migrator's <see cref="DatabaseUnavailableException"/>.
    /// </summary>
    public static async Task<LintRun> RunAsync(LintRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = request.Settings;
        var options = Options(settings);
        var linter = new Linter(options);
        IReadOnlyList<Migration> migrations;
        try
        {
            migrations = await request.Source.LoadAsync(options.Dialect, cancellationToken).ConfigureAwait(false);
            migrations = request.Since is null ? Select(migrations, request) : migrations;
        }
        catch (MigrationSourceException e)
        {
            // Files that did not load are file-name findings; every statement of the files that could be read is still checked.
            return new LintRun(options, LintUnloadable(linter, e, request), null);
        }

        var named = request.Files.Count > 0;
        Check(request, named);
        if (request.MeasureOption is not null && settings.RequireDatabase().Dialect == Dialect.PostgreSql)
        {
            return new LintRun(options, null, named ? migrations : []);
        }

        var history = HasHistory(settings, request.WorkingDirectory) && request.History is not null;
        var report = request.Since is { } revision ? await SinceAsync(linter, migrations, revision, request, cancellationToken).ConfigureAwait(false)
            : named || request.Offline || !history ? linter.Lint(migrations)
            : linter.Lint(await request.History!().GetStatusAsync(cancellationToken).ConfigureAwait(false));
        return new LintRun(options, report, null)
        {
            NoHistory = request.Since is null && !named && !request.Offline && settings.Database is { Dialect: Dialect.Sqlite } && !HasHistory(settings, request.WorkingDirectory),
            NotMeasured = request.MeasureOption is { } flag
                ? new ConfigurationException(
                    $"{flag} needs PostgreSQL, but the configured database is {request.DatabaseDisplay ?? settings.RequireDatabase().DisplayName}: nothing was measured; the static rules ran (above)",
                    $"leave out {flag} on SQLite, or configure a PostgreSQL database (--database postgres://…) to measure on its server")
                : null,
        };
    }

    /// <summary>Options that cannot be combined, refused after the files loaded (so unloadable files are reported first).</summary>
    private static void Check(LintRequest request, bool named)
    {
        if (request.MeasureOption is { } flag && request.Offline)
        {
            throw new ConfigurationException(
                $"{flag} cannot be combined with --offline: measuring reads the database's history and runs the migrations on its server",
                $"leave out --offline, or leave out {flag} for a lint of the files alone");
        }

        if (request.Since is not null && (request.MeasureOption is not null || named))
        {
            throw new ConfigurationException(
                $"--since cannot be combined with {(named ? "file arguments" : request.MeasureOption)}: --since picks the files (those added since the revision) and lints them statically",
                named ? "leave out the file names, or leave out --since" : $"run strata lint --since … and strata lint {request.MeasureOption} separately");
        }
    }

    /// <summary>
    /// <c>--since &lt;ref&gt;</c>: the files the migrations folder held at that git revision are the previous release; the
    /// files added since form the release, which is what is linted (objects it creates are new).
    /// </summary>
    private static async Task<LintReport> SinceAsync(Linter linter, IReadOnlyList<Migration> folder, string revision, LintRequest request, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(Path.Combine(request.WorkingDirectory, request.Settings.MigrationsPath));
        var previous = await GitRevision.FilesAtAsync(directory, revision, cancellationToken).ConfigureAwait(false);
        var release = folder.Where(m => !previous.Contains(Path.GetFileName(m.SourcePath))).Select(m => m.SourcePath).ToHashSet(StringComparer.Ordinal);
        return linter.Lint(folder, new LintSelection { Report = release, Release = release });
    }

    /// <summary>
    /// True when a database is configured that may hold a history: an SQLite file that does not exist yet has none
    /// (and lint must not create it).
    /// </summary>
    private static bool HasHistory(StrataSettings settings, string workingDirectory) =>
        settings.Database is { } database
        && (database.Dialect != Dialect.Sqlite || database.ConnectionString == ":memory:" || File.Exists(Path.Combine(workingDirectory, database.ConnectionString)));

    /// <summary>Keeps the migrations named in the request; a name that is not a migration of the folder is bad input.</summary>
    private static IReadOnlyList<Migration> Select(IReadOnlyList<Migration> all, LintRequest request)
    {
        if (request.Files.Count == 0)
        {
            return all;
        }

        string Full(string path) => Path.GetFullPath(Path.Combine(request.WorkingDirectory, path));
        var byPath = all.ToDictionary(m => Full(m.SourcePath), StringComparer.Ordinal);
        var chosen = new List<Migration>();
        foreach (var file in request.Files)
        {
            if (!byPath.TryGetValue(Full(file), out var migration))
            {
                throw new ConfigurationException(
                    $"{file} is not a migration in {request.Settings.MigrationsPath}",
                    "name files of the migrations folder (e.g. from `git diff --name-only`), or set the folder with --migrations");
            }

            chosen.Add(migration);
        }

        return chosen;
    }

    /// <summary>
    /// The folder has files that do not load: lint the readable ones (only those named, when files are named) with the
    /// problems (of the named files) beside them.
    /// </summary>
    private static LintReport LintUnloadable(Linter linter, MigrationSourceException e, LintRequest request)
    {
        if (request.Files.Count == 0)
        {
            return linter.Lint(e.Readable, e.Problems);
        }

        string Full(string path) => Path.GetFullPath(Path.Combine(request.WorkingDirectory, path));
        var named = request.Files.Select(Full).ToHashSet(StringComparer.Ordinal);
        bool IsNamed(string location) => named.Any(n => Full(location) == n || Full(location).StartsWith(n + ":", StringComparison.Ordinal));
        return linter.Lint([.. e.Readable.Where(m => named.Contains(Full(m.SourcePath)))], [.. e.Problems.Where(p => IsNamed(p.Location))]);
    }
}

using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;
using Strata.Configuration;
using Strata.Errors;
using Strata.Execution;
using Strata.Sources;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// What a command needs, built on first use: resolved settings (with every password registered for redaction
/// before anything can print it), the terminal, and the engine.
/// </summary>
internal sealed class CommandContext
{
    private readonly GlobalOptions _options;
    private readonly Redactor _redactor;
    private StrataSettings? _settings;

    public CommandContext(ParseResult parse, GlobalOptions options, CliHost host, Redactor redactor, Terminal terminal)
    {
        Parse = parse;
        _options = options;
        Host = host;
        _redactor = redactor;
        Terminal = terminal;
    }

    /// <summary>The dialects the CLI drives: the one place it names the dialect packages (ADR 025).</summary>
    public static DialectSet Dialects { get; } = new(PostgreSql.PostgreSqlDialect.Factory, Sqlite.SqliteDialect.Factory);

    public ParseResult Parse { get; }

    public CliHost Host { get; }

    public Terminal Terminal { get; }

    public bool Yes => Parse.GetValue(_options.Yes);

    /// <summary>The raw <c>--config</c> value, if given.</summary>
    public string? ConfigOption => Parse.GetValue(_options.Config);

    /// <summary>The raw <c>--env</c> value, if given.</summary>
    public string? EnvironmentOption => Parse.GetValue(_options.Environment);

    /// <summary>The raw <c>--database</c> value, if given.</summary>
    public string? DatabaseOption => Parse.GetValue(_options.Database);

    public StrataSettings Settings => _settings ??= Resolve();

    public DatabaseTarget Database
    {
        get
        {
            var target = Settings.RequireDatabase();
            _redactor.Add(target.Password);
            return target;
        }
    }

    /// <summary>The configured dev database for scratch work (its password registered for redaction), or null.</summary>
    public DatabaseTarget? DevDatabase
    {
        get
        {
            var target = Settings.DevDatabase;
            _redactor.Add(target?.Password);
            return target;
        }
    }

    /// <summary>
    /// A second database named by <paramref name="option"/> (e.g. <c>lint --against</c>): an environment of strata.json
    /// or a database URL (see <see cref="OtherDatabase"/>); its password is registered for redaction before anything
    /// can print it. <paramref name="environment"/> is the environment's name when the value named one.
    /// </summary>
    public DatabaseTarget ResolveOther(string value, string option, out string? environment)
    {
        var target = OtherDatabase.Resolve(value, option, _options.ToOverrides(Parse), Host.Variables, Host.WorkingDirectory, Dialects, out environment);
        _redactor.Add(target.Password);
        return target;
    }

    /// <summary>Where the database is, safe to print; a SQLite file is shown relative to the working directory.</summary>
    public string DatabaseDisplay => Display(Database);

    /// <summary>The settings later commands in this folder will see: these, without this command's <c>--database</c> (init).</summary>
    public StrataSettings SettingsWithoutDatabaseOption()
    {
        var settings = ConfigurationResolver.Resolve(_options.ToOverrides(Parse) with { Database = null }, Host.Variables, Host.WorkingDirectory, Dialects);
        _redactor.Add(settings.Database?.Password);
        return settings;
    }

    /// <summary><paramref name="target"/> safe to print; a SQLite file relative to the working directory.</summary>
    public string Display(DatabaseTarget target)
    {
        if (target.Dialect != Dialect.Sqlite || target.ConnectionString == ":memory:")
        {
            return target.DisplayName;
        }

        var relative = Path.GetRelativePath(Host.WorkingDirectory, target.ConnectionString);
        return "sqlite:" + (relative.StartsWith("..", StringComparison.Ordinal) ? target.ConnectionString : relative).Replace('\\', '/');
    }

    public IMigrationSource Source => new DirectoryMigrationSource(Settings.MigrationsPath, Host.WorkingDirectory)
    {
        MaxFileSize = Parse.GetValue(_options.MaxFileSize) is { } size ? ByteSize.Parse(size, "--max-file-size") : null,
        Layout = Settings.Layout is null or "auto" ? Sources.Layouts.MigrationLayout.Strata : Sources.Layouts.MigrationLayoutNames.Parse(Settings.Layout)
            ?? throw new ConfigurationException($"strata.json \"layout\": \"{Settings.Layout}\" is not a layout Strata reads", $"use one of: auto, {Sources.Layouts.MigrationLayoutNames.Names}"),
        DetectLayout = Settings.Layout == "auto",
    };

    /// <summary>The SQL rules files are read with: the configured database's, PostgreSQL's when none is configured.</summary>
    public Dialect Dialect => Settings.Database?.Dialect == Dialect.Sqlite ? Dialect.Sqlite : Dialect.PostgreSql;

    /// <summary>
    /// The engine on the configured database. With <paramref name="refuseMissing"/> (status, validate) a database that
    /// does not exist yet is "database not found" (exit 5) instead of reading as empty; nothing ever creates it but a write.
    /// </summary>
    public Migrator CreateMigrator(IMigrationObserver? observer = null, bool refuseMissing = false)
    {
        var settings = Settings;
        if (Host.Variables.TryGetValue("STRATA_FAULT_INJECTION", out var fault) && fault == "internal-error")
        {
            // For the redaction tests: an unexpected exception whose message carries the raw connection string,
            // as a careless driver's might. The redaction layer must still keep the password out of every output.
            throw new InvalidOperationException("injected internal error while using " + Database.ConnectionString);
        }

        SqliteFolder.Require(Database, settings, Host.WorkingDirectory);
        var provider = CreateDialect(Database);
        var options = refuseMissing ? MigratorOptions with { OnMissingDatabase = MissingDatabase.Refuse } : MigratorOptions;
        return new Migrator(provider, Source, options, observer);
    }

    /// <summary>
    /// The dialect for <paramref name="target"/> with this run's lock key and lock timeout (SQLite's busy timeout).
    /// PostgreSQL skips the driver's reading of the database's types: the CLI runs SQL text only, and it is the
    /// heaviest query of a no-op run.
    /// </summary>
    public IDialect CreateDialect(DatabaseTarget target) =>
        Dialects.Create(target, DialectSettings.From(Settings) with { LoadDatabaseTypes = false });

    /// <summary>The backup role for the configured database; an in-memory SQLite database is refused (exit 2).</summary>
    public Operations.IDatabaseBackup CreateBackup(Operations.BackupSettings backup) =>
        Dialects.CreateBackup(Database, backup, DialectSettings.From(Settings));

    /// <summary>The engine options from the resolved settings; the environment only when it was set explicitly.</summary>
    public MigratorOptions MigratorOptions
    {
        get
        {
            var options = new MigratorOptions
            {
                LockTimeout = Settings.LockTimeout,
                History = Settings.History,
                StatementLockTimeout = Settings.StatementLockTimeout,
                StatementTimeout = Settings.StatementTimeout,
                LockRetries = Settings.LockRetries,
            };
            return Settings.EnvironmentIsExplicit ? options with { Environment = Settings.Environment } : options;
        }
    }

    /// <summary>The environment <c>-- strata:env</c> migrations are judged against: the name when set explicitly, else null.</summary>
    public string? GateEnvironment => Settings.EnvironmentIsExplicit ? Settings.Environment : null;

    /// <summary>
    /// The environment as it really is: <c>production</c> when set; <c>staging (strata.json default)</c> from
    /// strata.json's <c>environment</c>; <c>development (default)</c>; and, when strata.json declares environments but
    /// none was chosen, <c>none chosen (strata.json declares dev, prod: pick one with --env or STRATA_ENV)</c>.
    /// </summary>
    public string EnvironmentDisplay => Settings switch
    {
        { EnvironmentIsExplicit: true } => Settings.Environment,
        { DeclaredEnvironments: { Count: > 0 } declared } when !declared.Contains(Settings.Environment, StringComparer.Ordinal) =>
            $"none chosen (strata.json declares {string.Join(", ", declared)}: pick one with --env or STRATA_ENV)",
        { Environment: StrataSettings.DefaultEnvironment } => Settings.Environment + " (default)",
        _ => Settings.Environment + " (strata.json default)",
    };

    /// <summary>
    /// Asks before a risky action on a protected environment. Refuses (exit 2) when not interactive and
    /// <c>--yes</c> was not given.
    /// </summary>
    public void ConfirmOnProtected(string action, string? hint = null)
    {
        var settings = Settings;
        if (!settings.Protected || Yes)
        {
            return;
        }

        if (!Host.InputIsInteractive)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"refused to {action}: environment '{settings.Environment}' is protected",
                hint ?? "pass --yes to confirm, after checking the plan with --dry-run where available");
        }

        Terminal.Err.Markup($"[yellow]Environment '{Markup.Escape(settings.Environment)}' is protected.[/] To {Markup.Escape(action)}, type its name: ");
        var answer = Host.In.ReadLine();
        if (!string.Equals(answer?.Trim(), settings.Environment, StringComparison.Ordinal))
        {
            throw new StrataException(ErrorCategory.BadInput, $"not confirmed; did not {action}");
        }
    }

    /// <summary>The user of a display name <c>postgres://user@host…</c>, or null.</summary>
    private static string? UserOf(string display) =>
        display.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 && display.IndexOf('@', scheme) is var at and > 0
            ? display[(scheme + 3)..at]
            : null;

    private StrataSettings Resolve()
    {
        var settings = ConfigurationResolver.Resolve(_options.ToOverrides(Parse), Host.Variables, Host.WorkingDirectory, Dialects);
        _redactor.Add(settings.Database?.Password);
        if (settings.Database is { Password: { Length: > 0 } password } database && UserOf(database.DisplayName) == password)
        {
            Terminal.Note("note: the user name is shown as *** because it equals the password (a password never appears in Strata's output)");
        }

        foreach (var warning in settings.Warnings)
        {
            Terminal.Warning(warning);
        }

        if (Terminal.Verbose)
        {
            foreach (var origin in settings.Origins)
            {
                Terminal.Note("[grey]" + Markup.Escape(origin.ToString()) + "[/]");
            }
        }

        return settings;
    }
}

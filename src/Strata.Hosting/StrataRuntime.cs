using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Strata.Errors;
using Strata.Execution;
using Strata.Sources;

namespace Strata.Hosting;

/// <summary>
/// What <see cref="StrataOptions"/> resolve to, built once per service provider: the database provider, the
/// combined source and the <see cref="Migrator"/> that the start-up service, the health check and injected callers
/// share. Building it throws <see cref="ConfigurationException"/> naming the missing call.
/// </summary>
internal sealed class StrataRuntime
{
    /// <summary>The logger category of everything Strata logs in a host.</summary>
    public const string LogCategory = "Strata.Migrations";

    public StrataRuntime(IServiceProvider services, IOptions<StrataOptions> options, ILoggerFactory? loggerFactory = null, IHostEnvironment? host = null)
    {
        Options = options.Value;
        var database = Options.Database ?? throw new ConfigurationException(
            "Strata has no database",
            "call UseDatabase(...) in AddStrata, e.g. strata.UseDatabase(_ => new PostgreSqlDialect(connectionString))");
        if (Options.Sources.Count == 0)
        {
            throw new ConfigurationException(
                "Strata has no migrations to load",
                "call AddFolder(\"migrations\"), AddSource(...) or AddCode(...) in AddStrata");
        }

        if (Options.LockTimeout < TimeSpan.Zero || Options.HealthCacheDuration < TimeSpan.Zero)
        {
            throw new ConfigurationException("Strata's LockTimeout and HealthCacheDuration must not be negative", "use zero or a positive duration");
        }

        Provider = database(services) ?? throw new ConfigurationException("the UseDatabase factory returned null", "return a provider such as new SqliteDialect(\"app.db\")");
        var sources = Options.Sources
            .Select(create => create(services) ?? throw new ConfigurationException("an AddSource factory returned null", "return an IMigrationSource"))
            .ToList();
        Source = sources.Count == 1 ? sources[0] : new CompositeMigrationSource(sources);
        // The host's environment counts as set (ASP.NET Core reads DOTNET_ENVIRONMENT/ASPNETCORE_ENVIRONMENT and says
        // Production when neither is set); without a host or an option none is set and -- strata:env migrations wait.
        var environment = Options.Environment ?? LowerCase(host?.EnvironmentName);
        Environment = environment ?? "(not set)";
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LogCategory);
        var migratorOptions = new MigratorOptions
        {
            LockTimeout = Options.LockTimeout,
            History = Options.History,
            StatementLockTimeout = Options.StatementLockTimeout,
            StatementTimeout = Options.StatementTimeout,
            LockRetries = Options.LockRetries,
        };
        migratorOptions = environment is null ? migratorOptions : migratorOptions with { Environment = environment };
        Migrator = new Migrator(Provider, Source, migratorOptions, new LoggingMigrationObserver(Logger));
    }

    public StrataOptions Options { get; }

    public IDialect Provider { get; }

    public IMigrationSource Source { get; }

    /// <summary>The Strata environment in use (options, else the host's, else <c>development</c>).</summary>
    public string Environment { get; }

    public ILogger Logger { get; }

    public Migrator Migrator { get; }

    /// <summary>Strata's environment names are lower case by convention (<c>-- strata:env production</c>); matching ignores case anyway.</summary>
    private static string? LowerCase(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : string.Create(name.Length, name, static (span, text) => text.AsSpan().ToLowerInvariant(span));
}

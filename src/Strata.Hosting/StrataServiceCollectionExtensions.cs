using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Strata.Execution;

namespace Strata.Hosting;

/// <summary>
/// Registers Strata in an application's services: called once from <c>Program.cs</c>. The host then migrates while it
/// starts, before any hosted service (the web server included) starts; <see cref="Migrator"/> can be injected for
/// status pages or admin endpoints. Misconfiguration (no database, no source, a bad configuration value) is reported
/// as a <see cref="Errors.ConfigurationException"/> when the host starts.
/// </summary>
public static class StrataServiceCollectionExtensions
{
    /// <summary>Adds Strata configured by <paramref name="configure"/>.</summary>
    /// <example>
    /// <code>
    /// builder.Services.AddStrata(strata => strata
    ///     .UseDatabase(_ => new PostgreSqlDialect(connectionString))
    ///     .AddFolder("migrations"));
    /// </code>
    /// </example>
    public static IServiceCollection AddStrata(this IServiceCollection services, Action<StrataOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<StrataOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Adds Strata configured by <paramref name="configure"/>, then by <paramref name="configuration"/> (usually
    /// <c>builder.Configuration.GetSection("Strata")</c>), whose keys <c>MigrateOnStartup</c>, <c>UnavailablePolicy</c>,
    /// <c>LockTimeout</c> (seconds), <c>HealthCacheDuration</c> (seconds) and <c>Environment</c> win over the code, so
    /// operators can change them without a rebuild (e.g. <c>Strata__UnavailablePolicy=WarnAndContinue</c>).
    /// </summary>
    public static IServiceCollection AddStrata(this IServiceCollection services, IConfiguration configuration, Action<StrataOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<StrataOptions>()
            .Configure(configure)
            .Configure(options => StrataConfiguration.Apply(configuration, options));
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.TryAddSingleton<StartupState>();
        services.TryAddSingleton<StrataRuntime>();
        services.TryAddSingleton<MigrationStatusCache>();
        services.TryAddSingleton(provider => provider.GetRequiredService<StrataRuntime>().Migrator);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StartupMigrationService>());
        return services;
    }
}

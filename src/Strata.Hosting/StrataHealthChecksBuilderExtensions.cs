using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Strata.Hosting;

/// <summary>Adds Strata's migration health check: <c>builder.Services.AddHealthChecks().AddStrata()</c>, after <c>AddStrata</c>.</summary>
public static class StrataHealthChecksBuilderExtensions
{
    /// <summary>
    /// Registers the check under <paramref name="name"/>. Healthy when every migration is applied; Degraded when some
    /// are pending or edited, while the start-up migration runs, or when the application runs without its database
    /// under <see cref="UnavailablePolicy.WarnAndContinue"/>; Unhealthy when the start-up migration failed, a
    /// no-transaction migration is unfinished, or the status cannot be read under <see cref="UnavailablePolicy.FailStartup"/>.
    /// The result's data holds the count of each status (<c>applied</c>, <c>pending</c>, …), <c>startup</c> and <c>database</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name in reports.</param>
    /// <param name="tags">Tags for filtering (e.g. <c>ready</c> for a readiness endpoint).</param>
    public static IHealthChecksBuilder AddStrata(this IHealthChecksBuilder builder, string name = "strata", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddCheck<StrataHealthCheck>(name, HealthStatus.Unhealthy, tags ?? []);
    }
}

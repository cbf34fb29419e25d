using Microsoft.Extensions.Diagnostics.HealthChecks;
using Strata.Planning;

namespace Strata.Hosting;

/// <summary>
/// Reports whether this application's migrations are applied, for readiness probes. Healthy: up to date. Degraded:
/// migrations pending or edited, start-up still migrating, or running without the database under
/// <see cref="UnavailablePolicy.WarnAndContinue"/>. Unhealthy: the start-up migration failed, a no-transaction
/// migration is unfinished, or (under <see cref="UnavailablePolicy.FailStartup"/>) the status cannot be read. The data
/// holds the count of every status, the start-up phase and the database's display name. A probe costs at most one
/// cached status read (see <see cref="StrataOptions.HealthCacheDuration"/>).
/// </summary>
internal sealed class StrataHealthCheck : IHealthCheck
{
    private readonly StartupState _state;
    private readonly MigrationStatusCache _cache;
    private readonly StrataRuntime _runtime;

    public StrataHealthCheck(StartupState state, MigrationStatusCache cache, StrataRuntime runtime)
    {
        _state = state;
        _cache = cache;
        _runtime = runtime;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var startup = _state.Current;
        var data = new Dictionary<string, object>
        {
            ["database"] = _runtime.Provider.DisplayName,
            ["startup"] = PhaseName(startup.Phase),
            ["appliedAtStartup"] = startup.Result?.FilesExecuted ?? 0,
        };
        if (startup.Phase == StartupPhase.Failed)
        {
            data["error"] = startup.Error?.Message ?? "unknown";
            return HealthCheckResult.Unhealthy("the start-up migration failed: " + data["error"], startup.Error, data);
        }

        if (startup.Phase == StartupPhase.Running)
        {
            return HealthCheckResult.Degraded("the start-up migration is running", data: data);
        }

        var read = await _cache.GetAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (read.Report is null)
        {
            var message = read.Error?.Message ?? "unknown";
            data["error"] = message;
            return startup.Phase == StartupPhase.ContinuedUnavailable || _runtime.Options.UnavailablePolicy == UnavailablePolicy.WarnAndContinue
                ? HealthCheckResult.Degraded("cannot read the migration status; running without the database (UnavailablePolicy WarnAndContinue): " + message, read.Error, data)
                : HealthCheckResult.Unhealthy("cannot read the migration status: " + message, read.Error, data);
        }

        return FromReport(read.Report, data);
    }

    private static HealthCheckResult FromReport(StatusReport report, Dictionary<string, object> data)
    {
        foreach (var kind in Enum.GetValues<MigrationStatusKind>())
        {
            data[KindName(kind)] = report.Count(kind);
        }

        var unfinished = report.Count(MigrationStatusKind.Unfinished);
        var pending = report.Count(MigrationStatusKind.Pending) + report.Count(MigrationStatusKind.OutOfOrder) + report.Count(MigrationStatusKind.Outdated);
        var changed = report.Count(MigrationStatusKind.Changed);
        var missing = report.Count(MigrationStatusKind.Missing);
        if (unfinished > 0)
        {
            return HealthCheckResult.Unhealthy($"{unfinished} no-transaction migration(s) stopped half-way; resolve them with `strata status` and `strata mark-applied`", data: data);
        }

        if (pending > 0 || changed > 0)
        {
            var parts = new List<string>();
            if (pending > 0)
            {
                parts.Add($"{pending} migration(s) pending");
            }

            if (changed > 0)
            {
                parts.Add($"{changed} applied migration(s) edited since they were applied");
            }

            return HealthCheckResult.Degraded(string.Join("; ", parts), data: data);
        }

        return HealthCheckResult.Healthy(
            missing == 0 ? "migrations up to date" : $"migrations up to date; {missing} applied migration(s) are unknown to this build (a newer release applied them)",
            data);
    }

    private static string PhaseName(StartupPhase phase) => phase switch
    {
        StartupPhase.NotStarted => "notStarted",
        StartupPhase.Off => "off",
        StartupPhase.Running => "running",
        StartupPhase.Succeeded => "succeeded",
        StartupPhase.ContinuedUnavailable => "continuedWithoutDatabase",
        _ => "failed",
    };

    private static string KindName(MigrationStatusKind kind) => kind switch
    {
        MigrationStatusKind.Applied => "applied",
        MigrationStatusKind.Pending => "pending",
        MigrationStatusKind.Changed => "changed",
        MigrationStatusKind.Missing => "missing",
        MigrationStatusKind.Unfinished => "unfinished",
        MigrationStatusKind.OutOfOrder => "outOfOrder",
        MigrationStatusKind.Baselined => "baselined",
        MigrationStatusKind.Skipped => "skipped",
        MigrationStatusKind.Outdated => "outdated",
        _ => kind.ToString(),
    };
}

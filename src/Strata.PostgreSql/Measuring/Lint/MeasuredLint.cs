using Strata.Execution;
using Strata.Lint;

namespace Strata.PostgreSql.Measuring;

/// <summary>
/// <c>strata lint --measure</c>, <c>--against</c> and <c>--copy-of</c> as a library call (PostgreSQL): the history of
/// the target (<see cref="MeasuredLintRequest.Against"/>, else the configured database) decides what is pending; the
/// static rules run over it, the migrations are measured on the workspace's scratch database (or on a copy of the
/// <c>--copy-of</c> database, with its rows), and with a target the findings are weighed by its table sizes (ADR 012).
/// The configured and target databases are only read.
/// </summary>
public static class MeasuredLint
{
    /// <summary>
    /// Measures what <paramref name="request"/> asks for and returns what <c>strata lint</c> renders. Failures are
    /// Strata's errors: an unreachable target or scratch server <see cref="Errors.DatabaseUnavailableException"/>, a copy
    /// refused (someone connected, no CREATEDB) bad input; a migration that fails on the scratch database is a
    /// <c>migration-failed</c> finding, not an exception.
    /// </summary>
    public static async Task<LintResult> RunAsync(MeasuredLintRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = request.Settings;
        var options = MigrationLint.Options(settings);
        var linter = new Linter(options);
        var environment = request.Environment ?? settings.Environment;
        var migratorOptions = request.Migrator with { Environment = environment };
        var status = await new Migrator(request.History, request.Source, migratorOptions).GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var named = request.Named;
        var report = named.Count > 0 ? linter.Lint(named) : linter.Lint(status);
        var only = named.Count > 0
            ? named.Select(m => Path.GetFullPath(Path.Combine(request.WorkingDirectory, m.SourcePath))).ToHashSet(StringComparer.Ordinal)
            : null;
        var against = request.Against;
        var measured = await LintMeasurer.RunAsync(request, migratorOptions, status, only, options, request.OnCopy ? against : null, cancellationToken).ConfigureAwait(false);
        var thresholds = LintSettings.Thresholds(settings.Lint, settings.ConfigFile);
        var sizes = against is null ? null : await TableSizes.ReadAsync(against.ConnectionString, against.DisplayName, LintWeigher.Tables(report, measured), cancellationToken).ConfigureAwait(false);
        return LintWeigher.Combine(report, measured, sizes, thresholds, options, against?.DisplayName);
    }
}

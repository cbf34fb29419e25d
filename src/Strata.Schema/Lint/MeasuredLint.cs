using Strata.Configuration;
using Strata.Errors;
using Strata.Execution;
using Strata.Schema;

namespace Strata.Lint;

/// <summary>
/// <c>strata lint --measure</c>, <c>--against</c> and <c>--copy-of</c> as a library call, beside
/// <see cref="MigrationLint"/> (which hands it the migrations to measure, <see cref="LintRun.Measure"/>): the history of
/// the target (<see cref="MeasuredLintRequest.Against"/>, else the configured database) decides what is pending; the
/// static rules run over it, the migrations are measured on the workspace's scratch database (or on a copy of the
/// <c>--copy-of</c> database, with its rows), and with a target the findings are weighed by its table sizes (ADR 012).
/// Measuring, copying and sizes go through the dialects' measuring role (<see cref="SchemaRoles.Measuring"/>), so
/// this library names no driver. The configured and target databases are only read.
/// </summary>
/// <example>
/// <code>
/// var lint = await MigrationLint.RunAsync(new LintRequest(source, settings, folder) { MeasureOption = "--measure" });
/// var result = await MeasuredLint.RunAsync(new MeasuredLintRequest(() => new SchemaWorkspace(dialect), dialect, source, settings, folder) { Named = lint.Measure! });
/// foreach (var finding in result.Report.Findings) { Console.WriteLine(finding); }
/// </code>
/// </example>
public static class MeasuredLint
{
    /// <summary>
    /// Measures what <paramref name="request"/> asks for and returns what <c>strata lint</c> renders. Failures are
    /// Strata's errors: a target (<see cref="MeasuredLintRequest.Against"/>) whose dialect cannot measure (SQLite)
    /// <see cref="ConfigurationException"/> (exit 2) before anything is read, an unreachable target or scratch server
    /// <see cref="DatabaseUnavailableException"/>, a copy refused (someone connected, no CREATEDB) bad input; a migration
    /// that fails on the scratch database is a <c>migration-failed</c> finding, not an exception.
    /// </summary>
    public static async Task<LintResult> RunAsync(MeasuredLintRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var against = request.Against;
        var targetMeasuring = against is null ? null : Measuring(request, against);
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
        var copyOf = request.OnCopy && against is not null ? (against, targetMeasuring!) : ((DatabaseTarget, IMigrationMeasuring)?)null;
        var measured = await LintMeasurer.RunAsync(request, migratorOptions, status, only, options, copyOf, cancellationToken).ConfigureAwait(false);
        var thresholds = LintSettings.Thresholds(settings.Lint, settings.ConfigFile);
        var sizes = against is null ? null : await targetMeasuring!.ReadSizesAsync(LintWeigher.Tables(report, measured), against.DisplayName, cancellationToken).ConfigureAwait(false);
        return LintWeigher.Combine(report, measured, sizes, thresholds, options, against?.DisplayName);
    }

    /// <summary>
    /// The measuring role of the <c>--against</c>/<c>--copy-of</c> database (<see cref="MeasuredLintRequest.History"/>
    /// is its dialect); a dialect without one (SQLite) is refused with the option's name, exit 2.
    /// </summary>
    private static IMigrationMeasuring Measuring(MeasuredLintRequest request, DatabaseTarget against)
    {
        if (request.History is ISchemaDialect { SchemaRoles.Measuring: { } measuring })
        {
            return measuring;
        }

        var option = request.OnCopy ? "--copy-of" : "--against";
        throw new ConfigurationException(
            $"{option} {against.DisplayName}: {(request.OnCopy ? "measuring on a copy" : "weighing by table sizes")} needs a PostgreSQL database",
            "give a postgres:// URL, or the name of an environment in strata.json whose database is PostgreSQL");
    }
}

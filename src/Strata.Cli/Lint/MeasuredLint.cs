using Strata.Cli.Infrastructure;
using Strata.Configuration;
using Strata.Errors;
using Strata.Execution;
using Strata.Lint;
using Strata.PostgreSql.Measuring;
using Strata.Sources;

namespace Strata.Cli.Lint;

/// <summary>
/// <c>strata lint --measure</c>, <c>--against</c> and <c>--copy-of</c>: the history of the target (the <c>--against</c>
/// or <c>--copy-of</c> database, else the configured one) decides what is pending; the static rules run over it,
/// <see cref="LintMeasurer"/> measures it on a scratch database (or on a copy of the <c>--copy-of</c> database, with its
/// rows), and with either option the findings are weighed by the target's table sizes. Called by
/// <c>LintCommand</c> once the configured database is known to be PostgreSQL.
/// </summary>
internal static class MeasuredLint
{
    public static async Task<LintResult> RunAsync(
        CommandContext ctx, IReadOnlyList<Migration> named, string? againstValue, string? copyOfValue, Linter linter, LintOptions options, CancellationToken cancellationToken)
    {
        if (againstValue is not null && copyOfValue is not null)
        {
            throw new ConfigurationException(
                "--against and --copy-of cannot be combined: --copy-of measures on a copy of its database, and weighs by that database's sizes",
                "name one database: --copy-of <staging> to measure with its data, or --against <production> to weigh by its catalog statistics");
        }

        var settings = ctx.Settings;
        var environment = settings.Environment;
        var (option, value) = copyOfValue is not null ? ("--copy-of", copyOfValue) : ("--against", againstValue);
        DatabaseTarget? against = value is null ? null : Resolve(ctx, value, option, ref environment);
        var provider = ProviderFactory.Create(against ?? ctx.Database, settings);
        var status = await new Migrator(provider, ctx.Source, ctx.MigratorOptions with { Environment = environment }).GetStatusAsync(cancellationToken);
        var report = named.Count > 0 ? linter.Lint(named) : linter.Lint(status);
        var only = named.Count > 0
            ? named.Select(m => Path.GetFullPath(Path.Combine(ctx.Host.WorkingDirectory, m.SourcePath))).ToHashSet(StringComparer.Ordinal)
            : null;
        var copyOf = copyOfValue is null ? null : against;
        var measured = await LintMeasurer.RunAsync(ctx, status, environment, only, options, copyOf, cancellationToken);
        var thresholds = LintSettings.Thresholds(settings.Lint, settings.ConfigFile);
        var sizes = against is null ? null : await TableSizes.ReadAsync(against.ConnectionString, against.DisplayName, LintWeigher.Tables(report, measured), cancellationToken);
        return LintWeigher.Combine(report, measured, sizes, thresholds, options, against?.DisplayName);
    }

    private static DatabaseTarget Resolve(CommandContext ctx, string value, string option, ref string environment)
    {
        var target = ctx.ResolveOther(value, option, out var environmentName);
        if (target.Kind != DatabaseKind.PostgreSql)
        {
            throw new ConfigurationException(
                $"{option} {target.DisplayName}: {(option == "--copy-of" ? "measuring on a copy" : "weighing by table sizes")} needs a PostgreSQL database",
                "give a postgres:// URL, or the name of an environment in strata.json whose database is PostgreSQL");
        }

        environment = environmentName ?? environment;
        return target;
    }
}

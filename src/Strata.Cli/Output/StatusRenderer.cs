using System.Globalization;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Planning;

namespace Strata.Cli.Output;

/// <summary>Prints <c>strata status</c>: a table for people, an object for machines.</summary>
internal static class StatusRenderer
{
    public static void Render(CommandContext context, StatusReport report)
    {
        var t = context.Terminal;
        var summary = Enum.GetValues<MigrationStatusKind>()
            .Select(k => (Key: Name(k), Count: report.Count(k)))
            .Where(p => p.Count > 0)
            .ToDictionary(p => p.Key, p => p.Count);
        if (t.Json)
        {
            var entries = report.Entries.Select(e => new StatusEntryJson(
                e.Version, e.DisplayName, e.IsRepeatable ? "repeatable" : "versioned", Name(e.Status), e.Migration?.SourcePath,
                e.Applied?.AppliedAt, e.Applied?.Batch, e.Applied?.Checksum ?? e.Migration?.Checksum, e.Detail)).ToList();
            var invalid = report.InvalidIndexes.Count == 0 ? null : report.InvalidIndexes;
            t.WriteJson(new StatusJson(context.DatabaseDisplay, context.Settings.Environment, report.IsClean, summary, entries, invalid) { EnvironmentSet = context.Settings.EnvironmentIsExplicit }, CliJsonContext.Default.StatusJson);
            return;
        }

        t.Line($"Database    [bold]{Markup.Escape(context.DatabaseDisplay)}[/]");
        t.Line($"Environment {Markup.Escape(context.EnvironmentDisplay)}");
        t.Line($"Migrations  {Markup.Escape(RunRenderer.Relative(context, context.Settings.MigrationsPath))}");
        if (report.Entries.Count == 0)
        {
            t.Line("");
            t.Line("No migrations yet. Create one with [bold]strata new <slug>[/].");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("Version", "Name", "Status", "Applied at (UTC)", "Batch", "Note");
        foreach (var e in report.Entries)
        {
            table.AddRow(
                Markup.Escape(e.IsRepeatable ? "R" : e.Migration?.VersionText ?? e.Version?.ToString(CultureInfo.InvariantCulture) ?? ""),
                Markup.Escape(e.Name),
                $"[{Colour(e.Status)}]{Name(e.Status)}[/]",
                e.Applied?.AppliedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
                e.Applied?.Batch.ToString(CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(e.Detail ?? ""));
        }

        t.Render(table);
        if (report.InvalidIndexes.Count > 0)
        {
            t.Line($"[red]Invalid indexes[/] (left by an interrupted CREATE INDEX CONCURRENTLY?): {Markup.Escape(string.Join(", ", report.InvalidIndexes))}");
        }

        t.Line(string.Join(", ", summary.Select(p => $"{p.Value} {p.Key}")) + "." + Advice(report));
        if (!context.Settings.EnvironmentIsExplicit && report.Count(MigrationStatusKind.Skipped) > 0)
        {
            t.Line($"Skipped migrations run only in an environment that is set: --env, STRATA_ENV, DOTNET_ENVIRONMENT/ASPNETCORE_ENVIRONMENT or NODE_ENV ({Markup.Escape(context.Settings.Environment)} is a default).");
        }
    }

    public static string Name(MigrationStatusKind kind) => kind switch
    {
        MigrationStatusKind.OutOfOrder => "out-of-order",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Advice(StatusReport report)
    {
        if (report.IsClean)
        {
            return " Up to date.";
        }

        var blocking = report.NotClean.Any(e => e.Status is not (MigrationStatusKind.Pending or MigrationStatusKind.Outdated));
        return blocking
            ? " Run [bold]strata validate[/] for what to fix."
            : " Run [bold]strata migrate[/] to apply.";
    }

    private static string Colour(MigrationStatusKind kind) => kind switch
    {
        MigrationStatusKind.Applied or MigrationStatusKind.Baselined => "green",
        MigrationStatusKind.Pending or MigrationStatusKind.Outdated => "yellow",
        MigrationStatusKind.Skipped => "grey",
        _ => "red",
    };
}

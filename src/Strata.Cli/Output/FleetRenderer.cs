using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Operations;

namespace Strata.Cli.Output;

/// <summary>The summary of a fleet run: a table (or <c>--json</c>), the counts, and how to resume.</summary>
internal static class FleetRenderer
{
    public static void Render(CommandContext ctx, string command, string targetsFile, FleetResult result)
    {
        var t = ctx.Terminal;
        var counts = Enum.GetValues<FleetOutcome>().Where(o => result.Count(o) > 0).ToDictionary(Word, result.Count);
        if (t.Json)
        {
            var targets = result.Targets.Select(r => new FleetTargetJson(r.Target, Word(r.Outcome), r.Applied, r.Head, (long)r.Duration.TotalMilliseconds, r.Error)).ToList();
            t.WriteJson(new FleetJson(command, result.RunId, result.LedgerPath is null ? null : RunRenderer.Relative(ctx, result.LedgerPath), targets, counts), CliJsonContext.Default.FleetJson);
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("target", "outcome", command == "status" ? "not clean" : "applied", "ms", "error");
        foreach (var r in result.Targets)
        {
            var outcome = r.Outcome == FleetOutcome.Failed ? "[red]failed[/]" : Markup.Escape(Word(r.Outcome));
            table.AddRow(Markup.Escape(r.Target), outcome, r.Applied.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ((long)r.Duration.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(FirstLine(r.Error)));
        }

        t.Render(table);
        t.Line($"{result.Targets.Count} targets: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}.");
        var ledger = result.LedgerPath is null ? "" : $" Ledger: {RunRenderer.Relative(ctx, result.LedgerPath)}.";
        t.Line($"Run {Markup.Escape(result.RunId)}.{Markup.Escape(ledger)}");
        if (result.Count(FleetOutcome.Failed) + result.Count(FleetOutcome.Skipped) > 0)
        {
            t.Line($"Fix what failed, then run the rest: strata {command} --targets {Markup.Escape(targetsFile)} --resume {Markup.Escape(result.RunId)}");
        }
    }

    private static string Word(FleetOutcome outcome) => outcome switch
    {
        FleetOutcome.Migrated => "migrated",
        FleetOutcome.UpToDate => "up to date",
        FleetOutcome.Pending => "pending",
        FleetOutcome.Failed => "failed",
        FleetOutcome.Skipped => "skipped",
        _ => "done earlier",
    };

    private static string FirstLine(string? text) => text is null ? "" : text.Split('\n')[0];
}

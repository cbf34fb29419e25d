using System.Globalization;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Operations;

namespace Strata.Cli.Output;

/// <summary>The summary of a fleet run: a table (or <c>--json</c>), the counts, why it stopped, and how to resume.</summary>
internal static class FleetRenderer
{
    private const int NamedNotStarted = 10;

    /// <param name="ctx">The command's context.</param>
    /// <param name="command">migrate, status or rollback.</param>
    /// <param name="targetsOptions">The options that gave the targets, as the resume command repeats them (<c>--targets tenants.txt</c>).</param>
    /// <param name="result">The run.</param>
    /// <param name="policy">The failure options as given (<c>--max-failures 3</c>, <c>--canary 5</c>), for the stop line.</param>
    public static void Render(CommandContext ctx, string command, string targetsOptions, FleetResult result, FleetPolicyText policy)
    {
        var t = ctx.Terminal;
        var counts = Enum.GetValues<FleetOutcome>().Where(o => result.Count(o) > 0).ToDictionary(o => Word(command, o), result.Count);
        if (t.Json)
        {
            var targets = result.Targets.Select(r => new FleetTargetJson(r.Target, Word(command, r.Outcome), r.Applied, r.Head, (long)r.Duration.TotalMilliseconds, r.Error)).ToList();
            var stopped = result.Stop == FleetStopReason.None ? null : result.Stop.ToString().ToLowerInvariant() switch { "maxfailures" => "maxFailures", var s => s };
            t.WriteJson(new FleetJson(command, result.RunId, result.LedgerPath is null ? null : RunRenderer.Relative(ctx, result.LedgerPath), targets, counts, stopped), CliJsonContext.Default.FleetJson);
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("target", "outcome", command switch { "status" => "not clean", "rollback" => "rolled back", "lint" => "errors", _ => "applied" }, "ms", "error");
        foreach (var r in result.Targets)
        {
            var outcome = r.Outcome == FleetOutcome.Failed ? "[red]failed[/]" : Markup.Escape(Word(command, r.Outcome));
            table.AddRow(Markup.Escape(r.Target), outcome, r.Applied.ToString(CultureInfo.InvariantCulture),
                ((long)r.Duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), Markup.Escape(FirstLine(r.Error)));
        }

        t.Render(table);
        t.Line($"{result.Targets.Count} targets: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}.");
        Stopped(ctx, result, policy);
        var ledger = result.LedgerPath is null ? "" : $" Ledger: {RunRenderer.Relative(ctx, result.LedgerPath)}.";
        t.Line($"Run {Markup.Escape(result.RunId)}.{Markup.Escape(ledger)}");
        if (result.Count(FleetOutcome.Failed) + result.Count(FleetOutcome.Skipped) > 0)
        {
            t.Line($"Fix what failed, then run the rest: strata {command} {Markup.Escape(targetsOptions)} --resume {Markup.Escape(result.RunId)}");
        }
    }

    public static string Word(string command, FleetOutcome outcome) => outcome switch
    {
        FleetOutcome.Migrated => "migrated",
        FleetOutcome.RolledBack => "rolled back",
        FleetOutcome.UpToDate => command switch { "rollback" => "nothing to roll back", "lint" => "clean", _ => "up to date" },
        FleetOutcome.Pending => command == "lint" ? "lint errors" : "pending",
        FleetOutcome.Failed => "failed",
        FleetOutcome.Skipped => "skipped",
        _ => "done earlier",
    };

    /// <summary>Why the run started no further target, and which ones it did not start (the first ten by name).</summary>
    private static void Stopped(CommandContext ctx, FleetResult result, FleetPolicyText policy)
    {
        if (result.Stop == FleetStopReason.None)
        {
            return;
        }

        var failed = result.Targets.Where(r => r.Outcome == FleetOutcome.Failed).Select(r => r.Target).ToList();
        var why = result.Stop switch
        {
            FleetStopReason.Canary => $"the canary stage ({policy.Canary}) failed on {Names(failed)}",
            FleetStopReason.MaxFailures => $"{failed.Count} targets failed ({policy.MaxFailures})",
            _ => $"{Names(failed)} failed (--on-error stop; --on-error continue runs the others)",
        };
        var skipped = result.Targets.Where(r => r.Outcome == FleetOutcome.Skipped).Select(r => r.Target).ToList();
        ctx.Terminal.Line($"[yellow]Stopped:[/] {Markup.Escape(why)}; not started ({skipped.Count}): {Markup.Escape(Names(skipped))}.");
    }

    private static string Names(List<string> names) =>
        string.Join(", ", names.Take(NamedNotStarted)) + (names.Count > NamedNotStarted ? $" and {names.Count - NamedNotStarted} more" : "");

    private static string FirstLine(string? text) => text is null ? "" : text.Split('\n')[0];
}

using Spectre.Console;
using Strata.Lint;

namespace Strata.Cli.Output.Lint;

/// <summary>Human output of <c>strata lint</c>: one block per finding (location, severity, rule, what; why; instead), then a summary.</summary>
internal static class LintTextRenderer
{
    public static void Render(Terminal terminal, LintReport report)
    {
        foreach (var finding in report.Findings)
        {
            var colour = finding.Severity switch
            {
                LintSeverity.Error => "red",
                LintSeverity.Warning => "yellow",
                _ => "blue",
            };
            terminal.Line($"[bold]{Markup.Escape(finding.Location)}[/]  [{colour}]{finding.Severity.ToString().ToLowerInvariant()}[/]  [bold]{finding.Rule.Id}[/]  {Markup.Escape(finding.Message)}");
            if (finding.Statement.Length > 0)
            {
                terminal.Line("    [dim]" + Markup.Escape(finding.Statement) + "[/]");
            }

            terminal.Line("    why: " + Markup.Escape(finding.Rule.Why));
            terminal.Line("    instead: " + Markup.Escape(finding.Rule.Instead));
        }

        var summary = $"{Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}, {Count(report.Notes, "note")} in {Count(report.Files, "file")}"
            + (report.Suppressed > 0 ? $" ({report.Suppressed} suppressed by strata:lint-ignore)" : "");
        terminal.Line(report.Errors > 0 ? $"[red]{terminal.Cross}[/] {summary}" : $"[green]{terminal.Tick}[/] {summary}");
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}

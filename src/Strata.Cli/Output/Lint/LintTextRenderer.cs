using Spectre.Console;
using Strata.Lint;

namespace Strata.Cli.Output.Lint;

/// <summary>
/// Human output of <c>strata lint</c>: one block per finding (location, severity, rule, what, the table's size with
/// <c>--against</c>; the statement; why; instead), file by file. With <c>--measure</c> each measured migration gets a
/// "measured" block (locks held at the end, rewrites, schema changes) after its static findings, followed by its
/// measured findings. Then a summary. With <c>--quiet</c>: only the error findings, a line each.
/// </summary>
internal static class LintTextRenderer
{
    public static void Render(Terminal terminal, LintResult result)
    {
        var report = result.Report;
        if (terminal.Quiet)
        {
            // --quiet prints only errors: one line per error finding, so a CI log still says what failed.
            foreach (var finding in report.Findings.Where(f => f.Severity == LintSeverity.Error))
            {
                terminal.Data($"{finding.Location}  error  {finding.Rule.Id}  {finding.Message}");
            }

            return;
        }

        if (result.Measured.Migrations.Count == 0)
        {
            foreach (var finding in report.Findings)
            {
                Finding(terminal, finding, result.WeightOf(finding));
            }
        }
        else
        {
            ByFile(terminal, result);
        }

        if (result.IsMeasured)
        {
            var outcome = result.Measured;
            terminal.Line(outcome.Migrations.Count == 0 ? "nothing measured: no migration is pending" : $"measured {Count(outcome.MeasuredCount, "pending migration")} on "
                + (outcome.CopyOf is { } copy ? $"a copy of {Markup.Escape(copy)} with its rows (dropped afterwards)" : "a scratch database")
                + (outcome.MeasuredCount < outcome.Migrations.Count ? $" ({outcome.Migrations.Count - outcome.MeasuredCount} not measured after a failure)" : "")
                + (result.Against is { } against ? $"; weighed by the table sizes of {Markup.Escape(against)}" : ""));
        }

        var summary = $"{Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}, {Count(report.Notes, "note")} in {Count(report.Files, "file")}"
            + (report.Suppressed > 0 ? $" ({report.Suppressed} suppressed by strata:lint-ignore)" : "");
        terminal.Line(report.Errors > 0 ? $"[red]{terminal.Cross}[/] {summary}" : $"[green]{terminal.Tick}[/] {summary}");
    }

    /// <summary>Each file's static findings, its measured block, then its measured findings.</summary>
    private static void ByFile(Terminal terminal, LintResult result)
    {
        foreach (var file in Files(result))
        {
            var findings = result.Report.Findings.Where(f => f.File == file).ToList();
            foreach (var finding in findings.Where(f => !LintRules.Measured.Contains(f.Rule)))
            {
                Finding(terminal, finding, result.WeightOf(finding));
            }

            if (result.MeasuredFile(file) is { } measured)
            {
                MeasuredBlock.Render(terminal, measured);
            }

            foreach (var finding in findings.Where(f => LintRules.Measured.Contains(f.Rule)))
            {
                Finding(terminal, finding, result.WeightOf(finding));
            }
        }
    }

    /// <summary>The files in output order: as the findings come (migration order), with measured files without findings in their place.</summary>
    private static List<string> Files(LintResult result)
    {
        var files = result.Report.Findings.Select(f => f.File).Distinct(StringComparer.Ordinal).ToList();
        var measured = result.Measured.Migrations.Select(m => m.Migration.SourcePath).ToList();
        for (var i = 0; i < measured.Count; i++)
        {
            if (!files.Contains(measured[i]))
            {
                var next = measured.Skip(i + 1).FirstOrDefault(files.Contains);
                files.Insert(next is null ? LastMeasured(files, measured) : files.IndexOf(next), measured[i]);
            }
        }

        return files;
    }

    /// <summary>Just after the last measured file already placed (so static-only files stay at the end).</summary>
    private static int LastMeasured(List<string> files, List<string> measured) =>
        files.FindLastIndex(measured.Contains) + 1;

    private static void Finding(Terminal terminal, LintFinding finding, TableWeight? weight)
    {
        var colour = finding.Severity switch
        {
            LintSeverity.Error => "red",
            LintSeverity.Warning => "yellow",
            _ => "blue",
        };
        var size = weight is null ? "" : $"  [dim]({Markup.Escape(weight.ToString())})[/]";
        terminal.Line($"[bold]{Markup.Escape(finding.Location)}[/]  [{colour}]{finding.Severity.ToString().ToLowerInvariant()}[/]  [bold]{finding.Rule.Id}[/]  {Markup.Escape(finding.Message)}{size}");
        if (finding.Statement.Length > 0)
        {
            terminal.Line("    [dim]" + Markup.Escape(finding.StatementFirstLine) + "[/]");
        }

        terminal.Line("    why: " + Markup.Escape(finding.Rule.Why));
        terminal.Line("    instead: " + Markup.Escape(finding.Rule.Instead));
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}

using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Errors;

namespace Strata.Lint;

/// <summary>
/// The problems that keep files from loading (names, duplicates, encodings, transaction statements) as
/// <c>file-name</c> findings, merged with the statement findings of the files that could be read: each file's
/// problems and findings together, by line, files in migration order (files nothing could be read of first).
/// </summary>
internal static partial class FileProblemFindings
{
    public static LintReport Merge(LintReport statements, IReadOnlyList<Problem> problems, IReadOnlyList<string> fileOrder, LintSeverity severity)
    {
        var fromProblems = severity == LintSeverity.Off ? [] : problems.Select(p => Finding(p, severity)).ToList();
        var order = fileOrder.Select((file, i) => (file, i)).GroupBy(x => x.file, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var findings = statements.Findings.Concat(fromProblems)
            .Select((f, i) => (Finding: f, Arrival: i))
            .OrderBy(x => order.TryGetValue(x.Finding.File, out var at) ? at : -1)
            .ThenBy(x => x.Finding.File, StringComparer.Ordinal)
            .ThenBy(x => x.Finding.Line == 0 ? int.MaxValue : x.Finding.Line)
            .ThenBy(x => x.Arrival)
            .Select(x => x.Finding)
            .ToList();
        var files = fileOrder.Concat(fromProblems.Select(f => f.File)).Distinct(StringComparer.Ordinal).Count();
        return new LintReport(files, findings, statements.Suppressed);
    }

    private static LintFinding Finding(Problem problem, LintSeverity severity)
    {
        var match = Location().Match(problem.Location);
        var (file, line) = match.Success
            ? (match.Groups["file"].Value, int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture))
            : (problem.Location, 0);
        return new LintFinding(LintRules.FileName, severity, file, line, line > 0 ? 1 : 0, problem.Message, "");
    }

    /// <summary><c>file</c>, <c>file:line</c> or <c>file:line:column</c>.</summary>
    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d+)(?::\d+)?$")]
    private static partial Regex Location();
}

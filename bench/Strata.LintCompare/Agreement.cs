using System.Globalization;
using System.Text;

namespace Strata.LintCompare;

/// <summary>
/// Pairs the two linters' findings by statement: a squawk finding is found by Strata too when Strata reports a rule
/// that <see cref="Coverage"/> names for it on the same statement, and the other way round. Findings only one tool
/// reported are judged by <see cref="Verdicts"/>. Tallies per rule and per project, and lists every disagreement.
/// </summary>
internal sealed class Agreement(Verdicts verdicts)
{
    private static readonly string[] Kinds = ["hazard", "noise", "style", "policy", "unjudged"];

    private readonly Dictionary<(string Tool, string Rule), Dictionary<string, int>> _byRule = [];
    private readonly List<string> _details = [];
    private readonly List<string[]> _projects = [];

    public IReadOnlyList<string> Details => _details;

    public void Add(ConvertedSet set, List<ToolFinding> strata, List<ToolFinding> squawk, TimeSpan strataTime, TimeSpan squawkTime)
    {
        var strataAt = strata.Where(f => f.Statement >= 0).ToLookup(f => (f.File, f.Statement));
        var squawkAt = squawk.Where(f => f.Statement >= 0).ToLookup(f => (f.File, f.Statement));
        foreach (var f in squawk.Where(f => f.Statement >= 0))
        {
            Count(set, "squawk", f, strataAt[(f.File, f.Statement)].Any(s => Coverage.Same(f.Rule, s.Rule)));
        }

        foreach (var f in strata.Where(f => f.Statement >= 0))
        {
            Count(set, "strata", f, squawkAt[(f.File, f.Statement)].Any(q => Coverage.Same(q.Rule, f.Rule)));
        }

        _projects.Add([set.Name, N(set.Files.Count), N(set.Files.Sum(f => f.Statements.Count)), N(strata.Count(f => f.Statement >= 0)),
            N(strata.Count(f => f.Statement < 0)), N(squawk.Count), Seconds(strataTime), Seconds(squawkTime)]);
    }

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine("| project | files | statements | Strata statement findings | Strata file findings | squawk findings | Strata time | squawk time |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in _projects)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        foreach (var tool in new[] { "squawk", "strata" })
        {
            var other = tool == "squawk" ? "Strata" : "squawk";
            text.AppendLine();
            text.AppendLine($"| {tool} rule | findings | {other} too | {tool} only: hazard | noise | style | policy | unjudged |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var ((_, rule), counts) in _byRule.Where(r => r.Key.Tool == tool).OrderBy(r => r.Key.Rule, StringComparer.Ordinal))
            {
                var total = counts.Values.Sum();
                text.AppendLine($"| {rule} | {N(total)} | {N(counts.GetValueOrDefault("both"))} | " + string.Join(" | ", Kinds.Select(k => N(counts.GetValueOrDefault(k)))) + " |");
            }

            var all = _byRule.Where(r => r.Key.Tool == tool).SelectMany(r => r.Value).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
            text.AppendLine($"| **all** | {N(all.Values.Sum())} | {N(all.GetValueOrDefault("both"))} | " + string.Join(" | ", Kinds.Select(k => N(all.GetValueOrDefault(k)))) + " |");
        }

        return text.ToString();
    }

    private void Count(ConvertedSet set, string tool, ToolFinding f, bool both)
    {
        var key = (tool, f.Rule);
        if (!_byRule.TryGetValue(key, out var counts))
        {
            counts = new Dictionary<string, int>(StringComparer.Ordinal);
            _byRule[key] = counts;
        }

        var (verdict, reason) = both ? ("both", "") : verdicts.Judge(tool, set.Name, f);
        counts[verdict] = counts.GetValueOrDefault(verdict) + 1;
        if (!both)
        {
            var sql = f.File.Statements[f.Statement].Text.ReplaceLineEndings(" ");
            _details.Add(string.Join('\t', set.Name, f.File.Source.Original, f.File.OriginalLine(f.Line).ToString(CultureInfo.InvariantCulture), tool, f.Rule,
                verdict, reason, f.Message, f.File.Source.Transactional ? "tx" : "no-tx", sql.Length > 300 ? sql[..300] : sql));
        }
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}

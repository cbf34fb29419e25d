using System.Globalization;
using System.Text;

namespace Strata.LintCompare;

/// <summary>
/// Pairs the two linters' findings by statement and concept: a statement where both report a concept is agreement,
/// one tool alone is that tool's only. Tallies per concept and per project, and lists every disagreement.
/// </summary>
internal sealed class Agreement
{
    private readonly Dictionary<string, (int Both, int StrataOnly, int SquawkOnly)> _byConcept = new(StringComparer.Ordinal);
    private readonly List<string> _details = [];
    private readonly List<string[]> _projects = [];

    public void Add(ConvertedSet set, List<ToolFinding> strata, List<ToolFinding> squawk, TimeSpan strataTime, TimeSpan squawkTime)
    {
        var keyed = new Dictionary<(ConvertedFile, int, string), (List<ToolFinding> Strata, List<ToolFinding> Squawk)>();
        foreach (var f in strata.Where(f => f.Statement >= 0))
        {
            Slot(keyed, f, Concepts.OfStrata(f.Rule)).Strata.Add(f);
        }

        foreach (var f in squawk.Where(f => f.Statement >= 0))
        {
            Slot(keyed, f, Concepts.OfSquawk(f.Rule)).Squawk.Add(f);
        }

        foreach (var ((file, statement, concept), (s, q)) in keyed)
        {
            var (both, strataOnly, squawkOnly) = _byConcept.GetValueOrDefault(concept);
            _byConcept[concept] = s.Count > 0 && q.Count > 0 ? (both + 1, strataOnly, squawkOnly)
                : s.Count > 0 ? (both, strataOnly + 1, squawkOnly) : (both, strataOnly, squawkOnly + 1);
            if (s.Count == 0 || q.Count == 0)
            {
                _details.Add(Detail(set, file, statement, concept, s, q));
            }
        }

        var statements = set.Files.Sum(f => f.Statements.Count);
        _projects.Add([set.Name, Count(set.Files.Count), Count(statements), Count(strata.Count(f => f.Statement >= 0)), Count(strata.Count(f => f.Statement < 0)),
            Count(squawk.Count), Seconds(strataTime), Seconds(squawkTime)]);
    }

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine("| project | files | statements | strata statement findings | strata file findings | squawk findings | strata time | squawk time |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in _projects)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        text.AppendLine();
        text.AppendLine("| concept | both | Strata only | squawk only |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (concept, (both, strataOnly, squawkOnly)) in _byConcept.OrderBy(c => Concepts.IsStyle(c.Key)).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"| {concept} | {Count(both)} | {Count(strataOnly)} | {Count(squawkOnly)} |");
        }

        return text.ToString();
    }

    public IReadOnlyList<string> Details => _details;

    private static (List<ToolFinding> Strata, List<ToolFinding> Squawk) Slot(
        Dictionary<(ConvertedFile, int, string), (List<ToolFinding>, List<ToolFinding>)> keyed, ToolFinding f, string concept)
    {
        var key = (f.File, f.Statement, concept);
        if (!keyed.TryGetValue(key, out var slot))
        {
            slot = ([], []);
            keyed[key] = slot;
        }

        return slot;
    }

    private static string Detail(ConvertedSet set, ConvertedFile file, int statement, string concept, List<ToolFinding> s, List<ToolFinding> q)
    {
        var sql = file.Statements[statement].Text.ReplaceLineEndings(" ");
        var first = s.Count > 0 ? s[0] : q[0];
        var rules = string.Join(',', s.Select(f => f.Rule).Concat(q.Select(f => f.Rule)).Distinct());
        var messages = string.Join(" / ", s.Select(f => f.Message).Concat(q.Select(f => f.Message)).Distinct());
        return string.Join('\t', set.Name, file.Source.Original, file.OriginalLine(first.Line).ToString(CultureInfo.InvariantCulture),
            s.Count > 0 ? "strata" : "squawk", concept, rules, messages, file.Source.Transactional ? "tx" : "no-tx", sql.Length > 300 ? sql[..300] : sql);
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}

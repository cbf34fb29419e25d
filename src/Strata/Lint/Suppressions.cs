using System.Text.RegularExpressions;
using Strata.Errors;

namespace Strata.Lint;

/// <summary>
/// The <c>-- strata:lint-ignore rule-id[, rule-id] [reason]</c> comments: in the comments just before a statement (or
/// inside it) they silence those rules for that statement; <c>-- strata:lint-ignore-file rule-id</c> silences a rule
/// for the whole file. An unknown rule id is bad input (exit 2): a typo must not silently keep a finding.
/// </summary>
internal static partial class Suppressions
{
    public static HashSet<string> Parse(string text, string file, int line)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Ignore().Matches(text))
        {
            if (match.Groups["file"].Success)
            {
                continue;
            }

            Add(ids, match, file, line);
        }

        return ids;
    }

    public static HashSet<string> ParseFile(string text, string file)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Ignore().Matches(text))
        {
            if (match.Groups["file"].Success)
            {
                Add(ids, match, file, 1 + text.AsSpan(0, match.Index).Count('\n'));
            }
        }

        return ids;
    }

    private static void Add(HashSet<string> ids, Match match, string file, int line)
    {
        foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var rule = LintRules.Find(id) ?? throw new ConfigurationException(
                $"{file}:{line}: unknown lint rule '{id}' in a strata:lint-ignore comment",
                "use one of: " + string.Join(", ", LintRules.All.Select(r => r.Id)));
            ids.Add(rule.Id);
        }
    }

    [GeneratedRegex(@"strata:lint-ignore(?<file>-file)?[ \t]+(?<ids>[A-Za-z0-9\-]+(?:[ \t]*,[ \t]*[A-Za-z0-9\-]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Ignore();
}

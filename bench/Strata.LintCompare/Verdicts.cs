using System.Text.RegularExpressions;

namespace Strata.LintCompare;

/// <summary>
/// The judgements of findings only one linter reported, read from <c>verdicts.tsv</c> (next to this file): one line
/// per judgement, <c>tool rule match verdict reason</c>, tab-separated, the first matching line wins. A match is
/// <c>*</c>, <c>at:project:file:line</c> (one finding), <c>sql:regex</c> (the statement, case-insensitive),
/// <c>action:regex</c> (the ALTER TABLE action at the reported position), <c>text:regex</c> (the whole file),
/// <c>msg:regex</c> (the linter's message),
/// <c>tx</c> or <c>no-tx</c> (how the migration runs) or <c>created-in-file</c> (the table the statement changes is
/// created earlier in the same file, temporary or not); parts joined by <c> &amp; </c> must all hold. The verdicts: <c>hazard</c> (a real hazard), <c>noise</c> (a false
/// positive), <c>style</c> and <c>policy</c> (not hazards: conventions, or settings Strata handles otherwise).
/// </summary>
internal sealed partial class Verdicts
{
    private readonly List<Line> _lines = [];

    public static Verdicts Read(string path)
    {
        var verdicts = new Verdicts();
        if (!File.Exists(path))
        {
            return verdicts;
        }

        foreach (var text in File.ReadLines(path))
        {
            if (text.StartsWith('#') || text.Trim().Length == 0)
            {
                continue;
            }

            var cells = text.Split('\t');
            if (cells.Length < 5)
            {
                throw new ArgumentException($"{path}: a verdict needs tool, rule, match, verdict and reason, tab-separated: {text}");
            }

            verdicts._lines.Add(new Line(cells[0], cells[1], cells[2], cells[3], cells[4]));
        }

        return verdicts;
    }

    /// <summary>The verdict and reason for a finding only <paramref name="tool"/> reported, or ("unjudged", "").</summary>
    public (string Verdict, string Reason) Judge(string tool, string project, ToolFinding finding)
    {
        foreach (var line in _lines)
        {
            if ((line.Tool == tool || line.Tool == "*") && (line.Rule == finding.Rule || line.Rule == "*") && Matches(line.Match, project, finding))
            {
                return (line.Verdict, line.Reason);
            }
        }

        return ("unjudged", "");
    }

    /// <summary>Every part of <paramref name="match"/> (joined by <c> &amp; </c>) holds.</summary>
    private static bool Matches(string match, string project, ToolFinding f) =>
        match.Split(" & ", StringSplitOptions.TrimEntries).All(part => MatchesOne(part, project, f));

    private static bool MatchesOne(string match, string project, ToolFinding f)
    {
        var sql = f.File.Statements[f.Statement].Text;
        return match switch
        {
            "*" => true,
            "tx" => f.File.Source.Transactional,
            "no-tx" => !f.File.Source.Transactional,
            "created-in-file" => CreatedInFile(f),
            _ when match.StartsWith("text:", StringComparison.Ordinal) => Regex.IsMatch(f.File.Text, match[5..], RegexOptions.IgnoreCase | RegexOptions.Singleline),
            _ when match.StartsWith("action:", StringComparison.Ordinal) => Regex.IsMatch(Action(f), match[7..], RegexOptions.IgnoreCase | RegexOptions.Singleline),
            _ when match.StartsWith("at:", StringComparison.Ordinal) => match == $"at:{project}:{f.File.Source.Original}:{f.File.OriginalLine(f.Line)}",
            _ when match.StartsWith("sql:", StringComparison.Ordinal) => Regex.IsMatch(sql, match[4..], RegexOptions.IgnoreCase | RegexOptions.Singleline),
            _ when match.StartsWith("msg:", StringComparison.Ordinal) => Regex.IsMatch(f.Message, match[4..], RegexOptions.IgnoreCase | RegexOptions.Singleline),
            _ => throw new ArgumentException($"verdicts.tsv: unknown match '{match}'"),
        };
    }

    /// <summary>
    /// The ALTER TABLE action holding the reported position: from the comma before it (at the statement's top level) to
    /// the comma after it; the whole statement for other statements.
    /// </summary>
    private static string Action(ToolFinding f)
    {
        var statement = f.File.Statements[f.Statement];
        var text = statement.Text;
        var at = Math.Clamp(f.File.OffsetOf(f.Line, f.Column) - statement.Offset, 0, text.Length);
        var commas = new List<int>();
        var depth = 0;
        foreach (var token in Strata.Sql.SqlLexer.Tokenize(text, Dialect.PostgreSql))
        {
            depth += token.Kind == Strata.Sql.SqlTokenKind.OpenParen ? 1 : token.Kind == Strata.Sql.SqlTokenKind.CloseParen ? -1 : 0;
            if (depth == 0 && token.Kind == Strata.Sql.SqlTokenKind.Comma)
            {
                commas.Add(token.Start);
            }
        }

        var start = commas.LastOrDefault(c => c < at, -1) + 1;
        var end = commas.FirstOrDefault(c => c >= at, text.Length);
        return text[start..end];
    }

    /// <summary>True when the table the statement alters, indexes or drops is created earlier in the same file.</summary>
    private static bool CreatedInFile(ToolFinding f)
    {
        var target = Target().Match(f.File.Statements[f.Statement].Text);
        if (!target.Success)
        {
            return false;
        }

        var name = Normalise(target.Groups["name"].Value);
        return f.File.Statements.Take(f.Statement).Any(s => Created().Match(s.Text) is { Success: true } m && Normalise(m.Groups["name"].Value) == name);
    }

    private static string Normalise(string name)
    {
        var last = name.Split('.')[^1].Trim();
        return last.StartsWith('"') ? last.Trim('"') : last.ToLowerInvariant();
    }

    [GeneratedRegex(@"^\s*(?:ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?|CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:\S+\s+)?ON\s+(?:ONLY\s+)?|DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?|CREATE\s+(?:OR\s+REPLACE\s+)?(?:CONSTRAINT\s+)?TRIGGER\s+\S+\s+.*?\bON\s+)(?<name>(?:""[^""]+""|[\w$]+)(?:\.(?:""[^""]+""|[\w$]+))?)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Target();

    [GeneratedRegex(@"^\s*CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<name>(?:""[^""]+""|[\w$]+)(?:\.(?:""[^""]+""|[\w$]+))?)", RegexOptions.IgnoreCase)]
    private static partial Regex Created();

    private sealed record Line(string Tool, string Rule, string Match, string Verdict, string Reason);
}

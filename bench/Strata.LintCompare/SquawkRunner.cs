using System.Text.Json;

namespace Strata.LintCompare;

/// <summary>
/// squawk over a converted set, as its users run it on PostgreSQL 13: transactional files with
/// <c>--assume-in-transaction</c> (Strata wraps them in one), no-transaction files without it. Its JSON lines and
/// columns are 0-based.
/// </summary>
internal static class SquawkRunner
{
    public static (List<ToolFinding> Findings, TimeSpan Elapsed) Run(string squawk, ConvertedSet set, IReadOnlyList<string> include)
    {
        var findings = new List<ToolFinding>();
        var elapsed = TimeSpan.Zero;
        foreach (var transactional in new[] { true, false })
        {
            var files = set.Files.Where(f => f.Source.Transactional == transactional).ToList();
            if (files.Count == 0)
            {
                continue;
            }

            List<string> arguments = ["--reporter", "json", "--pg-version", "13.0", "--no-error-on-unmatched-pattern"];
            arguments.Add(transactional ? "--assume-in-transaction" : "--no-assume-in-transaction");
            if (include.Count > 0)
            {
                arguments.Add("--include=" + string.Join(',', include));
            }

            arguments.AddRange(files.Select(f => f.FileName));
            var (output, took) = Processes.Run(squawk, arguments, set.Folder);
            elapsed += took;
            Parse(output, files, findings);
        }

        return (findings, elapsed);
    }

    private static void Parse(string output, List<ConvertedFile> files, List<ToolFinding> findings)
    {
        var byName = files.ToDictionary(f => f.FileName, StringComparer.Ordinal);
        using var json = JsonDocument.Parse(output);
        foreach (var f in json.RootElement.EnumerateArray())
        {
            if (!byName.TryGetValue(Path.GetFileName(f.GetProperty("file").GetString()!), out var file))
            {
                continue;
            }

            var line = f.GetProperty("line").GetInt32() + 1;
            var column = f.GetProperty("column").GetInt32() + 1;
            var statement = file.StatementAt(line, column);
            findings.Add(new ToolFinding(file, statement, line, column, f.GetProperty("rule_name").GetString()!, f.GetProperty("message").GetString()!));
        }
    }
}

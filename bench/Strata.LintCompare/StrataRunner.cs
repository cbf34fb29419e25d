using System.Text.Json;

namespace Strata.LintCompare;

/// <summary>
/// <c>strata lint --offline --json</c> over a converted set: every file, no database. With a config file (the style
/// pack), it is copied next to the files as strata.json.
/// </summary>
internal static class StrataRunner
{
    public static (List<ToolFinding> Findings, TimeSpan Elapsed) Run(string strata, ConvertedSet set, string? config)
    {
        var workDirectory = Path.GetDirectoryName(set.Folder)!;
        var configPath = Path.Combine(workDirectory, "strata.json");
        File.WriteAllText(configPath, config ?? "{}");
        var (output, elapsed) = Processes.Run(strata, ["lint", "--offline", "--migrations", set.Folder, "--json", "--config", configPath], workDirectory);
        var byName = set.Files.ToDictionary(f => f.FileName, StringComparer.Ordinal);
        var findings = new List<ToolFinding>();
        using var json = JsonDocument.Parse(output);
        foreach (var f in json.RootElement.GetProperty("findings").EnumerateArray())
        {
            var name = Path.GetFileName(f.GetProperty("file").GetString()!);
            if (!byName.TryGetValue(name, out var file))
            {
                continue;
            }

            var line = f.GetProperty("line").GetInt32();
            var column = f.GetProperty("column").GetInt32();
            var statement = line == 0 ? -1 : file.StatementAt(line, column);
            findings.Add(new ToolFinding(file, statement, line, column, f.GetProperty("rule").GetString()!, f.GetProperty("message").GetString()!));
        }

        return (findings, elapsed);
    }
}

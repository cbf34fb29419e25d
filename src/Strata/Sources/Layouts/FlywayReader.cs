using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Errors;

namespace Strata.Sources.Layouts;

/// <summary>
/// Flyway (https://documentation.red-gate.com/fd/migrations-184127470.html): <c>V&lt;version&gt;__&lt;description&gt;.sql</c>
/// versioned, <c>U&lt;version&gt;__…</c> its undo (the down script), <c>R__&lt;description&gt;.sql</c> repeatable. A
/// version's parts are separated by <c>.</c> or <c>_</c> and compare part by part as numbers (<c>1.2</c> equals
/// <c>1.2.0</c>). Strata keeps one number per version: a one-part version as is; otherwise each part in three
/// digits (at most 6 parts of at most 999), which keeps Flyway's order.
/// </summary>
internal static partial class FlywayReader
{
    public static List<LayoutMigration> Read(string folder, List<Problem> problems)
    {
        var files = FolderFiles.Matching(folder, FlywayFile()).ToList();
        var versioned = files.Where(f => f.Match.Groups[1].Value is "V" or "v").ToList();
        var multiPart = versioned.Any(f => Parts(f.Match.Groups[2].Value).Length > 1);
        var undo = files.Where(f => f.Match.Groups[1].Value is "U" or "u")
            .GroupBy(f => Key(f.Match.Groups[2].Value)).ToDictionary(g => g.Key, g => g.First().Path, StringComparer.Ordinal);
        var result = new List<LayoutMigration>();
        foreach (var (path, match) in versioned)
        {
            var text = match.Groups[2].Value;
            if (Encode(Parts(text), multiPart) is not { } version)
            {
                problems.Add(new Problem(DisplayPath.For(path), $"version {text} cannot be kept as one number (at most 6 parts of at most 999, or one part of at most 18 digits); rename it"));
                continue;
            }

            undo.TryGetValue(Key(text), out var down);
            result.Add(new LayoutMigration(version, text, Description(match.Groups[3].Value), new LayoutSection(path),
                down is null ? null : new LayoutSection(down), down is null ? [path] : [path, down]));
        }

        result.Sort((a, b) => a.Version!.Value.CompareTo(b.Version!.Value));
        foreach (var (path, match) in files.Where(f => f.Match.Groups[1].Value is "R" or "r"))
        {
            result.Add(new LayoutMigration(null, "", Description(match.Groups[3].Value), new LayoutSection(path), null, [path]));
        }

        return result;
    }

    private static string[] Parts(string version) => version.Split('.', '_');

    private static string Key(string version) => string.Join('.', Parts(version).Select(p => p.TrimStart('0')).Reverse().SkipWhile(p => p.Length == 0).Reverse());

    private static long? Encode(string[] parts, bool multiPart)
    {
        if (!multiPart)
        {
            return FolderFiles.Number(parts[0]);
        }

        if (parts.Length > 6 || parts.Any(p => p.Length == 0 || p.Length > 3))
        {
            return null;
        }

        long value = 0;
        for (var i = 0; i < 6; i++)
        {
            value = (value * 1000) + (i < parts.Length ? long.Parse(parts[i], CultureInfo.InvariantCulture) : 0);
        }

        return value;
    }

    private static string Description(string text) => text.Replace('_', ' ').Trim();

    [GeneratedRegex(@"^([VvUuRr])([\d._]*)__(.+)\.sql$")]
    private static partial Regex FlywayFile();
}

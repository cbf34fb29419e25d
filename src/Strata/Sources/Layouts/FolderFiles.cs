using System.Text.RegularExpressions;

namespace Strata.Sources.Layouts;

/// <summary>Lists a migrations folder for the layout readers (sorted by name, hidden names skipped).</summary>
internal static class FolderFiles
{
    /// <summary>The files directly in <paramref name="folder"/> whose names match <paramref name="pattern"/>, with the match.</summary>
    public static IEnumerable<(string Path, Match Match)> Matching(string folder, Regex pattern) =>
        Directory.EnumerateFiles(folder)
            .Select(p => (Path: p, Match: pattern.Match(System.IO.Path.GetFileName(p))))
            .Where(f => f.Match.Success)
            .OrderBy(f => f.Path, StringComparer.Ordinal);

    /// <summary>The folders directly in <paramref name="folder"/>, sorted by name.</summary>
    public static IEnumerable<string> Folders(string folder) =>
        Directory.EnumerateDirectories(folder).Where(d => !System.IO.Path.GetFileName(d).StartsWith('.')).OrderBy(d => d, StringComparer.Ordinal);

    /// <summary>Parses a version of digits (up to 18), or null.</summary>
    public static long? Number(string digits) =>
        digits.Length is > 0 and <= 18 && long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}

using System.Text.RegularExpressions;

namespace Strata.Packaging.Tests.Docs;

/// <summary>
/// Compares what a command printed with what a page shows, after taking out what differs from run to run: dates and
/// times, timestamp versions (<c>strata new</c> writes the current UTC time), durations, column padding and blank
/// lines. In the page's text, a line of just <c>…</c> stands for any number of lines and a <c>…</c> inside a line
/// for any text.
/// </summary>
internal static partial class DocOutput
{
    private const string Ellipsis = "…";

    /// <summary>The text's lines with the run-to-run differences replaced by placeholders, blank lines left out.</summary>
    public static IReadOnlyList<string> Normalise(IEnumerable<string> lines) =>
        [.. lines.Select(NormaliseLine).Where(line => line.Length > 0)];

    /// <summary>True when <paramref name="actual"/> (normalised) is what <paramref name="expected"/> (normalised) shows.</summary>
    public static bool Matches(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        // matches[i, j]: expected[i..] matches actual[j..].
        var matches = new bool[expected.Count + 1, actual.Count + 1];
        matches[expected.Count, actual.Count] = true;
        for (var i = expected.Count - 1; i >= 0; i--)
        {
            for (var j = actual.Count; j >= 0; j--)
            {
                matches[i, j] = expected[i] == Ellipsis
                    ? matches[i + 1, j] || (j < actual.Count && matches[i, j + 1])
                    : j < actual.Count && LineMatches(expected[i], actual[j]) && matches[i + 1, j + 1];
            }
        }

        return matches[0, 0];
    }

    private static bool LineMatches(string expected, string actual)
    {
        if (!expected.Contains(Ellipsis, StringComparison.Ordinal))
        {
            return expected == actual;
        }

        var pattern = "^" + string.Join(".*", expected.Split(Ellipsis).Select(Regex.Escape)) + "$";
        return Regex.IsMatch(actual, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    private static string NormaliseLine(string line)
    {
        line = DateTime().Replace(line, "<time>");
        line = TimestampVersion().Replace(line, "<timestamp>");
        line = Duration().Replace(line, "<duration>");
        line = TableRule().Replace(line, "───");
        return Spaces().Replace(line, " ").Trim();
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex DateTime();

    [GeneratedRegex(@"(?<!\d)20\d{12}(\d{3})?(?!\d)")]
    private static partial Regex TimestampVersion();

    [GeneratedRegex(@"\b\d+(\.\d+)? ?(ms|s)\b")]
    private static partial Regex Duration();

    [GeneratedRegex("─{2,}")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}

using System.Text;

namespace Strata.Packaging.Tests.Api;

/// <summary>
/// A line diff of two baseline texts (longest common subsequence): removed lines with <c>-</c>, added ones with
/// <c>+</c>, each labelled with the type it belongs to, so a reviewer sees what a change breaks.
/// </summary>
internal static class ApiDiff
{
    /// <summary>The changed lines, or an empty string when the texts hold the same lines.</summary>
    public static string Describe(string baseline, string current)
    {
        var before = Lines(baseline);
        var after = Lines(current);
        var common = CommonLengths(before, after);
        var diff = new StringBuilder();
        string? beforeType = null, afterType = null, lastLabel = null;
        int i = 0, j = 0;
        while (i < before.Length || j < after.Length)
        {
            if (i < before.Length && j < after.Length && before[i] == after[j])
            {
                beforeType = TypeOf(before[i], beforeType);
                afterType = TypeOf(after[j], afterType);
                i++;
                j++;
            }
            else if (i < before.Length && (j == after.Length || common[i + 1, j] >= common[i, j + 1]))
            {
                beforeType = TypeOf(before[i], beforeType);
                lastLabel = Append(diff, '-', before[i], beforeType, lastLabel);
                i++;
            }
            else
            {
                afterType = TypeOf(after[j], afterType);
                lastLabel = Append(diff, '+', after[j], afterType, lastLabel);
                j++;
            }
        }

        return diff.ToString();
    }

    private static string[] Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToArray();

    /// <summary>common[i, j]: the length of the longest common subsequence of before[i..] and after[j..].</summary>
    private static int[,] CommonLengths(string[] before, string[] after)
    {
        var common = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        return common;
    }

    private static string? TypeOf(string line, string? current) => line.StartsWith(' ') ? current : line;

    private static string? Append(StringBuilder diff, char sign, string line, string? type, string? lastLabel)
    {
        if (line.StartsWith(' ') && type is not null && type != lastLabel)
        {
            diff.Append("  in ").Append(type).Append('\n');
            lastLabel = type;
        }

        diff.Append(sign).Append(' ').Append(line.TrimStart()).Append('\n');
        return line.StartsWith(' ') ? lastLabel : null;
    }
}

using System.Globalization;
using System.Text;

namespace Strata.PostgreSql.Tests.Splitter;

/// <summary>A unified diff (<c>---</c>/<c>+++</c> headers, <c>@@</c> hunks, three lines of context) of two texts, by longest common subsequence.</summary>
internal static class LineDiff
{
    private const int Context = 3;

    /// <summary>The diff turning <paramref name="before"/> into <paramref name="after"/>; empty when they are equal.</summary>
    public static string Unified(string before, string after, string beforeName, string afterName)
    {
        var edits = Edits(before.Split('\n'), after.Split('\n'));
        if (edits.TrueForAll(e => e.Op == ' '))
        {
            return "";
        }

        var text = new StringBuilder().Append("--- ").Append(beforeName).Append('\n').Append("+++ ").Append(afterName).Append('\n');
        foreach (var (start, end) in Hunks(edits))
        {
            AppendHunk(text, edits, start, end);
        }

        return text.ToString();
    }

    /// <summary>One line of the edit script: <paramref name="Op"/> is ' ', '-' or '+'; A and B are the 0-based line numbers before it.</summary>
    private readonly record struct Edit(char Op, string Line, int A, int B);

    private static List<Edit> Edits(string[] a, string[] b)
    {
        // lcs[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<Edit>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', a[x], x++, y++));
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                edits.Add(new Edit('+', b[y], x, y++));
            }
            else
            {
                edits.Add(new Edit('-', a[x], x++, y));
            }
        }

        return edits;
    }

    /// <summary>Ranges [start, end) of the edit script around the changes; changes close together share a hunk.</summary>
    private static List<(int Start, int End)> Hunks(List<Edit> edits)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Op == ' ')
            {
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = Math.Min(edits.Count, i + Context + 1);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((start, end));
            }
        }

        return hunks;
    }

    private static void AppendHunk(StringBuilder text, List<Edit> edits, int start, int end)
    {
        var range = edits.GetRange(start, end - start);
        var countA = range.Count(e => e.Op != '+');
        var countB = range.Count(e => e.Op != '-');
        text.Append(CultureInfo.InvariantCulture, $"@@ -{edits[start].A + 1},{countA} +{edits[start].B + 1},{countB} @@\n");
        foreach (var edit in range)
        {
            text.Append(edit.Op).Append(edit.Line).Append('\n');
        }
    }
}

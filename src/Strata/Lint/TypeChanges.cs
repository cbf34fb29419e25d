using System.Globalization;
using Strata.Sql;

namespace Strata.Lint;

/// <summary>
/// Column types as the migrations declare them, and the type changes PostgreSQL makes without rewriting the table
/// or rebuilding its indexes: a longer or unlimited varchar, varchar to text and back to an unlimited varchar, a
/// numeric of higher precision and the same scale. Anything else (or a USING clause) is treated as a rewrite.
/// </summary>
internal static class TypeChanges
{
    private static readonly HashSet<string> EndWords = new(StringComparer.Ordinal)
    {
        "NOT", "NULL", "DEFAULT", "PRIMARY", "REFERENCES", "UNIQUE", "CHECK", "CONSTRAINT", "GENERATED", "COLLATE", "USING",
    };

    /// <summary>The type at <paramref name="at"/>, up to a constraint word or <paramref name="end"/>, as one upper-case word: <c>VARCHAR(26)</c>.</summary>
    public static string Text(StatementView s, int at, int end)
    {
        var depth = at < s.Words.Count ? s.Words[at].Depth : 0;
        var text = new System.Text.StringBuilder();
        for (var i = at; i < end; i++)
        {
            var word = s.Words[i];
            if (word.Depth == depth && word.Kind == SqlTokenKind.Word && EndWords.Contains(word.Upper))
            {
                break;
            }

            text.Append(word.Kind == SqlTokenKind.Word ? word.Upper : word.Raw);
        }

        return Normalise(text.ToString());
    }

    /// <summary>True when changing a column of type <paramref name="from"/> to <paramref name="to"/> rewrites nothing.</summary>
    public static bool IsSafe(string from, string to)
    {
        if (from == to)
        {
            return true;
        }

        var (fromBase, fromArgs) = Split(from);
        var (toBase, toArgs) = Split(to);
        return (fromBase, toBase) switch
        {
            ("VARCHAR", "TEXT") => true,
            ("VARCHAR", "VARCHAR") => toArgs.Length == 0 || (fromArgs.Length == 1 && toArgs.Length == 1 && toArgs[0] >= fromArgs[0]),
            ("TEXT", "VARCHAR") => toArgs.Length == 0,
            ("NUMERIC", "NUMERIC") => toArgs.Length == 0 || (fromArgs.Length >= 1 && toArgs.Length >= 1 && toArgs[0] >= fromArgs[0] && Scale(fromArgs) == Scale(toArgs)),
            _ => false,
        };
    }

    private static int Scale(int[] args) => args.Length > 1 ? args[1] : 0;

    private static string Normalise(string type)
    {
        var text = type.StartsWith("PG_CATALOG.", StringComparison.Ordinal) ? type["PG_CATALOG.".Length..] : type;
        return text.Replace("CHARACTERVARYING", "VARCHAR", StringComparison.Ordinal).Replace("DECIMAL", "NUMERIC", StringComparison.Ordinal);
    }

    private static (string Base, int[] Args) Split(string type)
    {
        var open = type.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || !type.EndsWith(')'))
        {
            return (type, []);
        }

        var args = type[(open + 1)..^1].Split(',');
        var numbers = args.Select(a => int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        return numbers.Any(n => n < 0) ? (type, []) : (type[..open], numbers);
    }
}

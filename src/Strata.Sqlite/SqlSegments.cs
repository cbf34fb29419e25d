using System.Text;

namespace Strata.Sqlite;

/// <summary>
/// Small helpers over SQLite DDL text kept in <c>sqlite_schema</c>: the top-level comma-separated parts of a CREATE
/// TABLE body, and parenthesised clauses after a keyword (CHECK, AS). Quotes (<c>'</c>, <c>"</c>, <c>`</c>, <c>[]</c>)
/// and comments are respected.
/// </summary>
internal static class SqlSegments
{
    /// <summary>The parts between the outermost parentheses of <paramref name="createTable"/>, split at top-level commas.</summary>
    public static List<string> TableBody(string createTable)
    {
        var parts = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        for (var i = 0; i < createTable.Length; i++)
        {
            var c = createTable[i];
            var end = QuoteEnd(createTable, i);
            if (end > i)
            {
                if (depth > 0)
                {
                    current.Append(createTable, i, end - i + 1);
                }

                i = end;
                continue;
            }

            if (c == '(' && depth++ == 0)
            {
                continue;
            }

            if (c == ')' && --depth == 0)
            {
                break;
            }

            if (depth == 1 && c == ',')
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
            }
            else if (depth > 0)
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString().Trim());
        return [.. parts.Where(p => p.Length > 0)];
    }

    /// <summary>Each balanced <c>(…)</c> that follows the word <paramref name="keyword"/> in <paramref name="text"/>, parentheses included.</summary>
    public static List<string> After(string text, string keyword)
    {
        var found = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            var end = QuoteEnd(text, i);
            if (end > i)
            {
                i = end;
                continue;
            }

            if (IsWordAt(text, i, keyword))
            {
                var open = i + keyword.Length;
                while (open < text.Length && char.IsWhiteSpace(text[open]))
                {
                    open++;
                }

                if (open < text.Length && text[open] == '(')
                {
                    var close = Close(text, open);
                    found.Add(text[open..(close + 1)]);
                    i = close;
                }
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="keyword"/> occurs in <paramref name="text"/> as a word outside quotes.</summary>
    public static bool HasWord(string text, string keyword)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var end = QuoteEnd(text, i);
            if (end > i)
            {
                i = end;
            }
            else if (IsWordAt(text, i, keyword))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordAt(string text, int i, string keyword) =>
        string.Compare(text, i, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i == 0 || !IsWordChar(text[i - 1]))
        && (i + keyword.Length >= text.Length || !IsWordChar(text[i + keyword.Length]));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int Close(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var end = QuoteEnd(text, i);
            if (end > i)
            {
                i = end;
                continue;
            }

            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    /// <summary>The index of the end of a quoted name, string or comment starting at <paramref name="i"/>, or <paramref name="i"/>.</summary>
    private static int QuoteEnd(string text, int i)
    {
        var c = text[i];
        if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
        {
            var newline = text.IndexOf('\n', i);
            return newline < 0 ? text.Length - 1 : newline;
        }

        var close = c switch { '\'' => '\'', '"' => '"', '`' => '`', '[' => ']', _ => '\0' };
        if (close == '\0')
        {
            return i;
        }

        var j = i + 1;
        while (j < text.Length)
        {
            if (text[j] == close)
            {
                if (close != ']' && j + 1 < text.Length && text[j + 1] == close)
                {
                    j += 2;
                    continue;
                }

                return j;
            }

            j++;
        }

        return text.Length - 1;
    }
}

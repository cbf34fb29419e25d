using System.Buffers;

namespace Strata.Sql;

/// <summary>Character classes and scanning steps shared by the PostgreSQL and SQLite scanners.</summary>
internal static class LexChars
{
    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\n\r\f\v");

    private static readonly SearchValues<char> AsciiIdentifierParts =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$");

    /// <summary>Whitespace as both engines' scanners see it (space, tab, LF, CR, form feed, vertical tab).</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    /// <summary>A character that may start an unquoted identifier: ASCII letter, underscore, or any non-ASCII character.</summary>
    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    /// <summary>A character that may continue an unquoted identifier (both engines also allow <c>$</c>).</summary>
    public static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$' || c >= '\u0080';

    /// <summary>Index after the run of whitespace that starts at <paramref name="i"/>.</summary>
    public static int SkipSpaces(ReadOnlySpan<char> s, int i)
    {
        var found = s[i..].IndexOfAnyExcept(Spaces);
        return found < 0 ? s.Length : i + found;
    }

    /// <summary>Index after the identifier characters that start at <paramref name="i"/>.</summary>
    public static int SkipIdentifierParts(ReadOnlySpan<char> s, int i)
    {
        while (true)
        {
            var found = s[i..].IndexOfAnyExcept(AsciiIdentifierParts);
            if (found < 0)
            {
                return s.Length;
            }

            i += found;
            if (s[i] < '\u0080')
            {
                return i;
            }

            i++;
        }
    }

    /// <summary>Index of the line break that ends the line containing <paramref name="i"/> (LF or CR), or the text length.</summary>
    public static int LineEnd(ReadOnlySpan<char> s, int i)
    {
        var found = s[i..].IndexOfAny('\n', '\r');
        return found < 0 ? s.Length : i + found;
    }

    /// <summary>
    /// Index after a quoted run that opened just before <paramref name="i"/> and closes with <paramref name="quote"/>;
    /// a doubled quote stands for one quote character. -1 when the text ends first.
    /// </summary>
    public static int SkipDoubledQuote(ReadOnlySpan<char> s, int i, char quote)
    {
        while (true)
        {
            var found = s[i..].IndexOf(quote);
            if (found < 0)
            {
                return -1;
            }

            i += found + 1;
            if (i >= s.Length || s[i] != quote)
            {
                return i;
            }

            i++;
        }
    }

    /// <summary>
    /// Index after a number starting at <paramref name="i"/>: digits with underscores, an optional fraction
    /// (but not <c>..</c>), an optional exponent, or a <c>0x</c>/<c>0o</c>/<c>0b</c> integer.
    /// </summary>
    public static int SkipNumber(ReadOnlySpan<char> s, int i)
    {
        if (s[i] == '0' && i + 2 < s.Length && RadixDigit(s[i + 1]) is { } isDigit && isDigit(s[i + 2]))
        {
            i += 2;
            while (i < s.Length && (isDigit(s[i]) || (s[i] == '_' && i + 1 < s.Length && isDigit(s[i + 1]))))
            {
                i++;
            }

            return i;
        }

        i = SkipDigits(s, i);
        if (i < s.Length && s[i] == '.' && !(i + 1 < s.Length && s[i + 1] == '.'))
        {
            i = SkipDigits(s, i + 1);
        }

        if (i + 1 < s.Length && s[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (s[j] is '+' or '-')
            {
                j++;
            }

            if (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                i = SkipDigits(s, j);
            }
        }

        return i;
    }

    /// <summary>True when <paramref name="word"/> equals the lower-case ASCII <paramref name="keyword"/>, ignoring ASCII case only.</summary>
    public static bool IsKeyword(ReadOnlySpan<char> word, string keyword)
    {
        if (word.Length != keyword.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsAsciiLetterUpper(c))
            {
                c = (char)(c | 0x20);
            }

            if (c != keyword[i])
            {
                return false;
            }
        }

        return true;
    }

    private static Func<char, bool>? RadixDigit(char prefix) => prefix switch
    {
        'x' or 'X' => char.IsAsciiHexDigit,
        'o' or 'O' => static c => c is >= '0' and <= '7',
        'b' or 'B' => static c => c is '0' or '1',
        _ => null,
    };

    private static int SkipDigits(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || (s[i] == '_' && i > 0 && char.IsAsciiDigit(s[i - 1]) && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))))
        {
            i++;
        }

        return i;
    }
}

using System.Buffers;
using System.Runtime.CompilerServices;

namespace Strata.Sql;

/// <summary>
/// PostgreSQL's lexical rules as psql applies them (src/fe_utils/psqlscan.l), with standard_conforming_strings on:
/// finds the one token that starts at a given index. Stateless, so scanning can start at any token boundary.
/// </summary>
internal static class PostgreSqlScanner
{
    /// <summary>Characters that let an operator end in <c>+</c> or <c>-</c>.</summary>
    private static readonly SearchValues<char> NonSqlOperatorChars = SearchValues.Create("~!@#^&|`?%");

    /// <summary>The token starting at <paramref name="i"/> (which must be inside <paramref name="s"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SqlToken Scan(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        switch (c)
        {
            case '(':
                return new SqlToken(SqlTokenKind.OpenParen, i, 1);
            case ')':
                return new SqlToken(SqlTokenKind.CloseParen, i, 1);
            case ';':
                return new SqlToken(SqlTokenKind.Semicolon, i, 1);
            case ',':
                return new SqlToken(SqlTokenKind.Comma, i, 1);
            case '\'':
                return QuotedString(s, i, i + 1, backslashEscapes: false);
            case '"':
                return QuotedIdentifier(s, i, i + 1);
            case '$':
                return Dollar(s, i);
            case '\\':
                return Token(SqlTokenKind.MetaCommand, i, LexChars.LineEnd(s, i));
            case '-' when next == '-':
                return Token(SqlTokenKind.LineComment, i, LexChars.LineEnd(s, i));
            case '/' when next == '*':
                return BlockComment(s, i);
            case ':' when next is ':' or '=':
            case '.' when next == '.':
                return new SqlToken(SqlTokenKind.Operator, i, 2);
            case '.' when char.IsAsciiDigit(next):
                return Token(SqlTokenKind.Number, i, LexChars.SkipNumber(s, i));
            default:
                return General(s, i, c, next);
        }
    }

    /// <summary>Whitespace, numbers, words and operators.</summary>
    private static SqlToken General(ReadOnlySpan<char> s, int i, char c, char next)
    {
        if (LexChars.IsSpace(c))
        {
            return Token(SqlTokenKind.Whitespace, i, LexChars.SkipSpaces(s, i));
        }

        if (char.IsAsciiDigit(c))
        {
            return Token(SqlTokenKind.Number, i, LexChars.SkipNumber(s, i));
        }

        if (LexChars.IsIdentifierStart(c))
        {
            return WordOrPrefixedLiteral(s, i, c, next);
        }

        return IsOperatorChar(c) ? Operator(s, i) : new SqlToken(SqlTokenKind.Operator, i, 1);
    }

    private static SqlToken Token(SqlTokenKind kind, int start, int end) => new(kind, start, end - start);

    private static SqlToken WordOrPrefixedLiteral(ReadOnlySpan<char> s, int i, char c, char next)
    {
        if (next == '\'')
        {
            switch (c)
            {
                case 'e' or 'E':
                    return QuotedString(s, i, i + 2, backslashEscapes: true);
                case 'b' or 'B' or 'x' or 'X' or 'n' or 'N':
                    return QuotedString(s, i, i + 2, backslashEscapes: false);
                default:
                    break;
            }
        }
        else if (c is 'u' or 'U' && next == '&' && i + 2 < s.Length)
        {
            if (s[i + 2] == '\'')
            {
                return QuotedString(s, i, i + 3, backslashEscapes: false);
            }

            if (s[i + 2] == '"')
            {
                return QuotedIdentifier(s, i, i + 3);
            }
        }

        return Token(SqlTokenKind.Word, i, LexChars.SkipIdentifierParts(s, i + 1));
    }

    /// <summary>
    /// A single-quoted literal whose content starts at <paramref name="content"/>. The server would join
    /// <c>'a'</c> and <c>'b'</c> separated by a line break into one literal, but psql, which hands its lexer one
    /// line at a time without the line break, never does; like psql, this scanner keeps them two tokens (which
    /// only changes where statements end for an <c>E''</c> literal continued on the next line).
    /// </summary>
    private static SqlToken QuotedString(ReadOnlySpan<char> s, int start, int content, bool backslashEscapes)
    {
        var end = backslashEscapes ? SkipEscapeString(s, content) : LexChars.SkipDoubledQuote(s, content, '\'');
        return end < 0 ? Token(SqlTokenKind.Unterminated, start, s.Length) : Token(SqlTokenKind.String, start, end);
    }

    /// <summary>Index after the closing quote of an <c>E''</c> string body starting at <paramref name="i"/>, or -1.</summary>
    private static int SkipEscapeString(ReadOnlySpan<char> s, int i)
    {
        while (true)
        {
            var found = s[i..].IndexOfAny('\'', '\\');
            if (found < 0)
            {
                return -1;
            }

            i += found;
            if (s[i] == '\\')
            {
                i += 2;
                if (i > s.Length)
                {
                    return -1;
                }

                continue;
            }

            i++;
            if (i >= s.Length || s[i] != '\'')
            {
                return i;
            }

            i++;
        }
    }

    private static SqlToken QuotedIdentifier(ReadOnlySpan<char> s, int start, int content)
    {
        var end = LexChars.SkipDoubledQuote(s, content, '"');
        return end < 0 ? Token(SqlTokenKind.Unterminated, start, s.Length) : Token(SqlTokenKind.QuotedIdentifier, start, end);
    }

    /// <summary><c>$1</c>, <c>$$…$$</c>, <c>$tag$…$tag$</c>, or a lone <c>$</c>.</summary>
    private static SqlToken Dollar(ReadOnlySpan<char> s, int i)
    {
        var j = i + 1;
        if (j < s.Length && char.IsAsciiDigit(s[j]))
        {
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            return Token(SqlTokenKind.Parameter, i, j);
        }

        if (j < s.Length && LexChars.IsIdentifierStart(s[j]))
        {
            j++;
            while (j < s.Length && LexChars.IsIdentifierPart(s[j]) && s[j] != '$')
            {
                j++;
            }
        }

        if (j >= s.Length || s[j] != '$')
        {
            return new SqlToken(SqlTokenKind.Operator, i, 1);
        }

        var delimiter = s[i..(j + 1)];
        var bodyStart = j + 1;
        var close = s[bodyStart..].IndexOf(delimiter);
        return close < 0
            ? Token(SqlTokenKind.Unterminated, i, s.Length)
            : Token(SqlTokenKind.DollarString, i, bodyStart + close + delimiter.Length);
    }

    /// <summary>A block comment; PostgreSQL nests them, so each <c>/*</c> needs its own <c>*/</c>.</summary>
    private static SqlToken BlockComment(ReadOnlySpan<char> s, int start)
    {
        var depth = 1;
        var i = start + 2;
        while (true)
        {
            var found = s[i..].IndexOfAny('*', '/');
            if (found < 0)
            {
                return Token(SqlTokenKind.Unterminated, start, s.Length);
            }

            i += found;
            if (i + 1 < s.Length && s[i] == '*' && s[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    return Token(SqlTokenKind.BlockComment, start, i);
                }
            }
            else if (i + 1 < s.Length && s[i] == '/' && s[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsOperatorChar(char c) => c is '~' or '!' or '@' or '#' or '^' or '&' or '|' or '`' or '?' or '+' or '-' or '*' or '/' or '%' or '<' or '>' or '=';

    /// <summary>
    /// A run of operator characters, cut before an embedded <c>/*</c> or <c>--</c>; a trailing <c>+</c> or <c>-</c>
    /// is split off unless the operator holds a character that SQL operators do not use (psql's rule).
    /// </summary>
    private static SqlToken Operator(ReadOnlySpan<char> s, int start)
    {
        var end = start + 1;
        while (end < s.Length && IsOperatorChar(s[end]))
        {
            if ((s[end - 1] == '/' && s[end] == '*') || (s[end - 1] == '-' && s[end] == '-'))
            {
                end--;
                break;
            }

            end++;
        }

        if (end - start > 1 && s[end - 1] is '+' or '-' && s[start..end].IndexOfAny(NonSqlOperatorChars) < 0)
        {
            do
            {
                end--;
            }
            while (end - start > 1 && s[end - 1] is '+' or '-');
        }

        return Token(SqlTokenKind.Operator, start, end);
    }
}

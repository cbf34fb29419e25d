using System.Runtime.CompilerServices;

namespace Strata.Sql;

/// <summary>
/// SQLite's lexical rules (tokenize.c): <c>''</c> strings, <c>""</c>, <c>``</c> and <c>[]</c> identifiers,
/// non-nesting block comments, <c>?</c>/<c>:name</c>/<c>@name</c>/<c>$name</c> parameters. Stateless.
/// </summary>
internal static class SqliteScanner
{
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
                return Quoted(s, i, i + 1, '\'', SqlTokenKind.String);
            case 'x' or 'X' when next == '\'':
                return Quoted(s, i, i + 2, '\'', SqlTokenKind.String);
            case '"' or '`':
                return Quoted(s, i, i + 1, c, SqlTokenKind.QuotedIdentifier);
            case '[':
                var close = s[(i + 1)..].IndexOf(']');
                return close < 0 ? Token(SqlTokenKind.Unterminated, i, s.Length) : new SqlToken(SqlTokenKind.QuotedIdentifier, i, close + 2);
            case '-' when next == '-':
                var lineEnd = s[i..].IndexOf('\n');
                return Token(SqlTokenKind.LineComment, i, lineEnd < 0 ? s.Length : i + lineEnd);
            case '/' when next == '*':
                var commentEnd = s[(i + 2)..].IndexOf("*/");
                return commentEnd < 0 ? Token(SqlTokenKind.Unterminated, i, s.Length) : new SqlToken(SqlTokenKind.BlockComment, i, commentEnd + 4);
            case '?':
                return Token(SqlTokenKind.Parameter, i, SkipAsciiDigits(s, i + 1));
            case ':' or '@' or '$' when LexChars.IsIdentifierPart(next):
                return Token(SqlTokenKind.Parameter, i, LexChars.SkipIdentifierParts(s, i + 1));
            case '.' when char.IsAsciiDigit(next):
                return Token(SqlTokenKind.Number, i, LexChars.SkipNumber(s, i));
            default:
                return General(s, i, c);
        }
    }

    /// <summary>Whitespace, numbers, words and operators.</summary>
    private static SqlToken General(ReadOnlySpan<char> s, int i, char c)
    {
        if (LexChars.IsSpace(c))
        {
            return Token(SqlTokenKind.Whitespace, i, LexChars.SkipSpaces(s, i));
        }

        if (char.IsAsciiDigit(c))
        {
            return Token(SqlTokenKind.Number, i, LexChars.SkipNumber(s, i));
        }

        return LexChars.IsIdentifierStart(c)
            ? Token(SqlTokenKind.Word, i, LexChars.SkipIdentifierParts(s, i + 1))
            : new SqlToken(SqlTokenKind.Operator, i, OperatorLength(s, i));
    }

    private static SqlToken Token(SqlTokenKind kind, int start, int end) => new(kind, start, end - start);

    private static SqlToken Quoted(ReadOnlySpan<char> s, int start, int content, char quote, SqlTokenKind kind)
    {
        var end = LexChars.SkipDoubledQuote(s, content, quote);
        return end < 0 ? Token(SqlTokenKind.Unterminated, start, s.Length) : Token(kind, start, end);
    }

    private static int SkipAsciiDigits(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>SQLite's multi-character operators: <c>||</c>, <c>-&gt;</c>, <c>-&gt;&gt;</c>, comparisons and shifts.</summary>
    private static int OperatorLength(ReadOnlySpan<char> s, int i)
    {
        if (i + 1 >= s.Length)
        {
            return 1;
        }

        return (s[i], s[i + 1]) switch
        {
            ('-', '>') => i + 2 < s.Length && s[i + 2] == '>' ? 3 : 2,
            ('|', '|') or ('<', '=') or ('>', '=') or ('=', '=') or ('!', '=') or ('<', '>') or ('<', '<') or ('>', '>') => 2,
            _ => 1,
        };
    }
}

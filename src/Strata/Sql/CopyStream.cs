namespace Strata.Sql;

/// <summary>Recognises <c>COPY … FROM stdin</c> / <c>COPY … TO stdout</c> and skips the data lines that follow the former.</summary>
internal static class CopyStream
{
    public enum Direction
    {
        None,
        FromStdin,
        ToStdout,
    }

    /// <summary>What a PostgreSQL statement starting at <paramref name="start"/> and ending at the end of <paramref name="text"/> copies.</summary>
    public static Direction Of(ReadOnlySpan<char> text, int start)
    {
        var lexer = new SqlLexer(text, Dialect.PostgreSql, start);
        if (!NextSignificant(ref lexer, out var first) || !IsWord(text, first, "copy"))
        {
            return Direction.None;
        }

        var depth = 0;
        while (NextSignificant(ref lexer, out var token))
        {
            depth += token.Kind == SqlTokenKind.OpenParen ? 1 : token.Kind == SqlTokenKind.CloseParen ? -1 : 0;
            if (depth != 0 || token.Kind != SqlTokenKind.Word)
            {
                continue;
            }

            var isFrom = IsWord(text, token, "from");
            if ((isFrom || IsWord(text, token, "to")) && NextSignificant(ref lexer, out var target))
            {
                if (isFrom && IsWord(text, target, "stdin"))
                {
                    return Direction.FromStdin;
                }

                if (!isFrom && IsWord(text, target, "stdout"))
                {
                    return Direction.ToStdout;
                }
            }
        }

        return Direction.None;
    }

    /// <summary>
    /// Where SQL resumes after the data of a <c>COPY … FROM stdin</c> whose statement ended at
    /// <paramref name="statementEnd"/>: after the line <c>\.</c>, or at the end of the text (psql's rules).
    /// </summary>
    public static int SkipData(string text, int statementEnd)
    {
        var i = NextLine(text, statementEnd);
        while (i < text.Length)
        {
            var end = LexChars.LineEnd(text, i);
            var next = NextLine(text, i);
            if (text.AsSpan(i, end - i).SequenceEqual(@"\."))
            {
                return next;
            }

            i = next;
        }

        return text.Length;
    }

    private static int NextLine(string text, int i)
    {
        var end = LexChars.LineEnd(text, i);
        if (end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n')
        {
            return end + 2;
        }

        return Math.Min(end + 1, text.Length);
    }

    private static bool NextSignificant(ref SqlLexer lexer, out SqlToken token)
    {
        while (lexer.TryNext(out token))
        {
            if (!token.IsTrivia)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWord(ReadOnlySpan<char> text, SqlToken token, string keyword) =>
        token.Kind == SqlTokenKind.Word && LexChars.IsKeyword(token.In(text), keyword);
}

namespace Strata.Sql;

/// <summary>Maps offsets in a text to 1-based lines and columns, counting columns in Unicode characters.</summary>
public static class TextPositions
{
    /// <summary>
    /// The line and column of the UTF-16 index <paramref name="offset"/> in <paramref name="text"/>. LF, CRLF and a
    /// lone CR each end a line; a surrogate pair counts as one column.
    /// </summary>
    public static (int Line, int Column) LineColumnAt(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var column = 1;
        Advance(text, 0, offset, ref line, ref column);
        return (line, column);
    }

    /// <summary>
    /// Moves a line/column position from index <paramref name="from"/> to <paramref name="to"/> in
    /// <paramref name="text"/>, so callers that visit increasing offsets (the splitter, the loaders) pay for
    /// each character once.
    /// </summary>
    internal static void Advance(string text, int from, int to, ref int line, ref int column)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                column = 1;
            }
            else if (c == '\r' || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                // CR of a CRLF pair, or second half of a surrogate pair: no column of its own.
            }
            else
            {
                column++;
            }
        }
    }

    /// <summary>
    /// The UTF-16 index in <paramref name="text"/> of the character <paramref name="characterPosition"/>
    /// (1-based, counted in Unicode characters as PostgreSQL reports error positions) counted from
    /// <paramref name="start"/>.
    /// </summary>
    public static int OffsetOfCharacter(string text, int start, int characterPosition)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = Math.Clamp(start, 0, text.Length);
        for (var remaining = characterPosition - 1; remaining > 0 && index < text.Length; remaining--)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return index;
    }

    /// <summary>The text of line <paramref name="line"/> (1-based) without its line ending; empty when out of range.</summary>
    public static string LineText(string text, int line)
    {
        ArgumentNullException.ThrowIfNull(text);
        var current = 1;
        var start = 0;
        for (var i = 0; i < text.Length && current < line; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                current++;
                start = i + 1;
            }
        }

        if (current != line)
        {
            return "";
        }

        var end = start;
        while (end < text.Length && text[end] != '\n' && text[end] != '\r')
        {
            end++;
        }

        return text[start..end];
    }
}

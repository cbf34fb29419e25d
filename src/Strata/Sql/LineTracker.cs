namespace Strata.Sql;

/// <summary>
/// Counts lines and columns over a text fed in pieces, with the rules of <see cref="TextPositions.LineColumnAt"/>
/// (LF, CRLF and a lone CR end a line; a surrogate pair is one column). Used by <see cref="StatementStream"/>,
/// which never holds the whole text: a CR at the end of a piece stays pending until the next character shows
/// whether it was half of a CRLF.
/// </summary>
internal struct LineTracker
{
    private int _line;
    private int _column;
    private bool _pendingCr;
    private bool _blank;
    private char _previous;

    /// <summary>Starts at line 1, column 1.</summary>
    public LineTracker()
        : this(1, 1)
    {
    }

    /// <summary>Starts at <paramref name="line"/> and <paramref name="column"/> (column 1 means a line start).</summary>
    public LineTracker(int line, int column)
    {
        _line = line;
        _column = column;
        _blank = column == 1;
    }

    /// <summary>Moves past <paramref name="chars"/>, the next characters of the text.</summary>
    public void Advance(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            if (_pendingCr)
            {
                _pendingCr = false;
                NewLine();
                if (chars[0] == '\n')
                {
                    _previous = '\n';
                    chars = chars[1..];
                    continue;
                }
            }

            var breakAt = chars.IndexOfAny('\n', '\r');
            var segment = breakAt < 0 ? chars : chars[..breakAt];
            Columns(segment);
            if (breakAt < 0)
            {
                return;
            }

            if (chars[breakAt] == '\n')
            {
                NewLine();
            }
            else
            {
                _pendingCr = true;
            }

            _previous = chars[breakAt];
            chars = chars[(breakAt + 1)..];
        }
    }

    /// <summary>
    /// The 1-based line and column of the position reached, whose character is <paramref name="next"/> ('\0' at the
    /// end of the text), and whether only spaces and tabs precede it on its line.
    /// </summary>
    public readonly (int Line, int Column, bool Blank) At(char next) =>
        _pendingCr && next != '\n' ? (_line + 1, 1, true) : (_line, _column, _blank);

    private void NewLine()
    {
        _line++;
        _column = 1;
        _blank = true;
    }

    private void Columns(ReadOnlySpan<char> segment)
    {
        if (segment.IsEmpty)
        {
            return;
        }

        _blank = _blank && !segment.ContainsAnyExcept(' ', '\t');
        var count = segment.Length;
        if (segment.ContainsAnyInRange('\uDC00', '\uDFFF'))
        {
            for (var i = 0; i < segment.Length; i++)
            {
                var before = i == 0 ? _previous : segment[i - 1];
                if (char.IsLowSurrogate(segment[i]) && char.IsHighSurrogate(before))
                {
                    count--;
                }
            }
        }

        _column += count;
        _previous = segment[^1];
    }
}

namespace Strata.Sql;

/// <summary>
/// Maps increasing offsets of one text to 1-based lines and columns (the rules of
/// <see cref="TextPositions.LineColumnAt"/>) in a single pass; a smaller offset than the last one starts over.
/// </summary>
internal struct PositionCursor
{
    private readonly string _text;
    private int _offset;
    private int _line;
    private int _column;

    public PositionCursor(string text)
    {
        _text = text;
        _line = 1;
        _column = 1;
    }

    /// <summary>The line and column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) MoveTo(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        if (offset < _offset)
        {
            _offset = 0;
            _line = 1;
            _column = 1;
        }

        TextPositions.Advance(_text, _offset, offset, ref _line, ref _column);
        _offset = offset;
        return (_line, _column);
    }
}

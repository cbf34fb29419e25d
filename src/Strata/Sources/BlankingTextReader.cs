namespace Strata.Sources;

/// <summary>
/// Reads a streamed section and turns the characters of given statements into spaces (line ends kept): how a file
/// too large to hold drops its outer <c>BEGIN; … COMMIT;</c> wrapper, as the in-memory path blanks it in its text
/// (see <see cref="TransactionControl"/>).
/// </summary>
internal sealed class BlankingTextReader : TextReader
{
    private readonly TextReader _inner;
    private readonly Queue<(int Line, int Column, int Length)> _ranges;
    private int _line;
    private int _column = 1;
    private int _remaining;

    /// <param name="inner">The section's text, starting at the start of line <paramref name="firstLine"/>.</param>
    /// <param name="firstLine">The file line the text starts on.</param>
    /// <param name="ranges">Where each statement to blank starts (file line, column) and its length in canonical characters (a CRLF counts once), in text order.</param>
    public BlankingTextReader(TextReader inner, int firstLine, IEnumerable<(int Line, int Column, int Length)> ranges)
    {
        _inner = inner;
        _line = firstLine;
        _ranges = new Queue<(int, int, int)>(ranges);
    }

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override int Read(Span<char> buffer)
    {
        var read = _inner.Read(buffer);
        for (var i = 0; i < read; i++)
        {
            var c = buffer[i];
            if (_remaining == 0 && _ranges.TryPeek(out var next) && next.Line == _line && next.Column == _column)
            {
                _remaining = _ranges.Dequeue().Length;
            }

            if (c == '\r')
            {
                continue;
            }

            if (_remaining > 0)
            {
                _remaining--;
                buffer[i] = c == '\n' ? c : ' ';
            }

            (_line, _column) = c == '\n' ? (_line + 1, 1) : (_line, _column + 1);
        }

        return read;
    }

    /// <inheritdoc />
    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

namespace Strata.Sources;

/// <summary>
/// The characters [<c>skip</c>, <c>skip + length</c>) of another reader's text, for a second look at part of a
/// streamed file (<see cref="StreamedFileParser"/> re-reads a section after <c>COPY … FROM stdin</c> data).
/// </summary>
internal sealed class TextSlice : TextReader
{
    private readonly TextReader _inner;
    private long _skip;
    private long _left;

    public TextSlice(TextReader inner, long skip, long length)
    {
        _inner = inner;
        _skip = skip;
        _left = length;
    }

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override int Read(Span<char> buffer)
    {
        if (_skip > 0)
        {
            var scratch = new char[8192];
            while (_skip > 0)
            {
                var read = _inner.Read(scratch, 0, (int)Math.Min(scratch.Length, _skip));
                if (read == 0)
                {
                    return 0;
                }

                _skip -= read;
            }
        }

        if (_left <= 0 || buffer.IsEmpty)
        {
            return 0;
        }

        var count = _inner.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
        _left -= count;
        return count;
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

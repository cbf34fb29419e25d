namespace Strata.Sql;

/// <summary>
/// The part of a <see cref="TextReader"/>'s text that <see cref="StatementStream"/> still needs: a buffer that is
/// refilled in chunks, drops what lies before the index its owner keeps, grows only while one statement or token is
/// longer than the buffer, and shrinks again afterwards. Counts lines over everything it drops or is asked about.
/// </summary>
internal sealed class TextWindow
{
    private readonly TextReader _reader;
    private readonly int _chunk;
    private readonly int _smallCapacity;
    private char[] _buffer;
    private int _length;
    private long _base;
    private bool _eof;
    private char _beforeBuffer;
    private LineTracker _lines;
    private int _counted;

    /// <summary>Reads <paramref name="reader"/> <paramref name="chunk"/> characters at a time; the text starts at absolute index <paramref name="baseOffset"/> and at <paramref name="lines"/>.</summary>
    public TextWindow(TextReader reader, int chunk, long baseOffset, LineTracker lines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        _reader = reader;
        _chunk = chunk;
        _smallCapacity = Math.Max(256, Math.Min(chunk, 1 << 20) * 2);
        _buffer = new char[_smallCapacity];
        _base = baseOffset;
        _lines = lines;
    }

    /// <summary>The characters held.</summary>
    public ReadOnlySpan<char> Span => _buffer.AsSpan(0, _length);

    /// <summary>How many characters are held.</summary>
    public int Length => _length;

    /// <summary>True once the reader has no more text.</summary>
    public bool Eof => _eof;

    /// <summary>The absolute index of buffer index 0.</summary>
    public long Base => _base;

    /// <summary>The buffer capacity (tests check that it shrinks back).</summary>
    public int Capacity => _buffer.Length;

    /// <summary>
    /// Reads at least <paramref name="wanted"/> more characters (fewer at the end of the text), first dropping what
    /// lies before <paramref name="keep"/> when the buffer is full. Returns by how much indexes moved down.
    /// </summary>
    public int Fill(int keep, int wanted)
    {
        var shift = 0;
        if (_length + wanted > _buffer.Length)
        {
            shift = keep;
            var needed = _length - keep + wanted;
            var capacity = needed <= _buffer.Length ? _buffer.Length : Math.Max(needed, (int)Math.Min(Array.MaxLength, _buffer.Length * 3L / 2));
            Relocate(keep, capacity);
        }

        while (wanted > 0 && !_eof)
        {
            var read = _reader.Read(_buffer, _length, Math.Min(_chunk, _buffer.Length - _length));
            _eof = read == 0;
            _length += read;
            wanted -= read;
        }

        return shift;
    }

    /// <summary>
    /// Drops everything before <paramref name="keep"/> and gives back a buffer that grew for a long statement (keeping
    /// room for what is still unread in it), so one huge statement does not hold its memory for the rest of the
    /// file. (Any buffer of at least <see cref="HugeBuffer"/> characters that is replaced is reported to <see cref="HugeMemory"/>.)
    /// Returns by how much indexes moved down.
    /// </summary>
    public int Release(int keep)
    {
        var tail = _length - keep;
        if (_buffer.Length <= _smallCapacity * 2 || tail > _buffer.Length / 4)
        {
            return 0;
        }

        Relocate(keep, Math.Max(_smallCapacity, tail * 2));
        return keep;
    }

    /// <summary>Characters from which a buffer given back is worth a garbage collection (8 MiB of memory).</summary>
    private const int HugeBuffer = 4 << 20;

    /// <summary>Makes sure index <paramref name="index"/> is held unless the text ends before it (never drops anything).</summary>
    public void Reach(int index)
    {
        while (index >= _length && !_eof)
        {
            Fill(0, Math.Max(_chunk, index - _length + 1));
        }
    }

    /// <summary>
    /// Skips the data of a <c>COPY … FROM stdin</c> from buffer index <paramref name="position"/> (just after the
    /// statement) as psql would: the rest of that line, then every line up to and including a line <c>\.</c> (or to
    /// the end of the text). Only between statements: what lies before the position may be dropped. Returns the new
    /// position.
    /// </summary>
    public int SkipCopyData(int position)
    {
        position = SkipLine(position);
        while (position < _length || !_eof)
        {
            position = Ahead(position, 3);
            var span = Span;
            var isEnd = position + 1 < span.Length && span[position] == '\\' && span[position + 1] == '.'
                && (position + 2 == span.Length || span[position + 2] is '\n' or '\r');
            position = SkipLine(position);
            if (isEnd)
            {
                return position;
            }
        }

        return position;
    }

    /// <summary>
    /// The line and column of buffer index <paramref name="index"/>, and whether only spaces and tabs precede it on
    /// its line. Indexes asked about (and kept) must not decrease.
    /// </summary>
    public (int Line, int Column, bool Blank) PositionAt(int index)
    {
        Reach(index);
        CountTo(index);
        return _lines.At(index < _length ? _buffer[index] : '\0');
    }

    /// <summary>The character before buffer index <paramref name="index"/> ('\0' at the start of the text).</summary>
    public char Before(int index) => index > 0 ? _buffer[index - 1] : _beforeBuffer;

    /// <summary>Makes <paramref name="count"/> characters from <paramref name="position"/> available (fewer at the end of the text); returns the position, moved if the buffer was compacted.</summary>
    private int Ahead(int position, int count) =>
        position + count > _length && !_eof ? position - Fill(position, Math.Max(_chunk, count)) : position;

    /// <summary>The position after the rest of the line at <paramref name="position"/> and its line break (CRLF counts as one).</summary>
    private int SkipLine(int position)
    {
        while (true)
        {
            var found = Span[position..].IndexOfAny('\n', '\r');
            if (found >= 0)
            {
                position = Ahead(position + found, 2);
                var crlf = _buffer[position] == '\r' && position + 1 < _length && _buffer[position + 1] == '\n';
                return position + (crlf ? 2 : 1);
            }

            if (_eof)
            {
                return _length;
            }

            position = _length - Fill(_length, _chunk);
        }
    }

    private void CountTo(int index)
    {
        if (index > _counted)
        {
            _lines.Advance(_buffer.AsSpan(_counted, index - _counted));
            _counted = index;
        }
    }

    private void Relocate(int keep, int capacity)
    {
        CountTo(keep);
        _beforeBuffer = Before(keep);
        var target = capacity == _buffer.Length ? _buffer : GC.AllocateUninitializedArray<char>(capacity);
        if (target != _buffer && _buffer.Length >= HugeBuffer)
        {
            HugeMemory.Dropped();
        }

        Array.Copy(_buffer, keep, target, 0, _length - keep);
        _buffer = target;
        _length -= keep;
        _counted -= keep;
        _base += keep;
    }
}

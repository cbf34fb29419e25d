using System.Text;
using Strata.Errors;

namespace Strata.Sources;

/// <summary>
/// The text of a streamed script as written in its file (no BOM, line ends untouched, as the in-memory path sends
/// it), from line <c>firstLine</c> up to the start of line <c>endLine</c>, decoded while it is read. What a streamed
/// <see cref="SqlScript.OpenText"/> returns. A file that can no longer be read, or has changed since it was loaded,
/// becomes a <see cref="MigrationSourceException"/> naming it (never an <see cref="IOException"/>, which executors
/// would take for a lost connection).
/// </summary>
internal sealed class SectionTextReader : TextReader
{
    private const int ChunkChars = 32 * 1024;

    private readonly Func<Stream> _open;
    private readonly string _path;
    private readonly int _firstLine;
    private readonly int? _endLine;
    private readonly char[] _in = new char[ChunkChars];
    private readonly char[] _out = new char[ChunkChars];
    private StreamReader? _reader;
    private int _outStart;
    private int _outEnd;
    private int _line = 1;
    private bool _pendingCr;
    private bool _done;

    public SectionTextReader(Func<Stream> open, string path, int firstLine, int? endLine)
    {
        _open = open;
        _path = path;
        _firstLine = firstLine;
        _endLine = endLine;
    }

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override int Read(Span<char> buffer)
    {
        while (_outStart == _outEnd)
        {
            if (_done)
            {
                return 0;
            }

            FillOut();
        }

        var count = Math.Min(buffer.Length, _outEnd - _outStart);
        _out.AsSpan(_outStart, count).CopyTo(buffer);
        _outStart += count;
        return count;
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
            _reader?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void FillOut()
    {
        int read;
        try
        {
            _reader ??= new StreamReader(_open(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, ChunkChars);
            read = _reader.Read(_in, 0, _in.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new MigrationSourceException([new Problem(_path, $"cannot be read any more: {e.Message}; run again once the file is back as it was loaded")]);
        }

        _done = read == 0;
        _outStart = 0;
        _outEnd = _firstLine == 1 && _endLine is null ? Copy(read) : Filter(_in.AsSpan(0, read));
    }

    private int Copy(int read)
    {
        _in.AsSpan(0, read).CopyTo(_out);
        return read;
    }

    /// <summary>Keeps the characters of lines [first, end); LF, CRLF and a lone CR end a line, and the line end belongs to its line.</summary>
    private int Filter(ReadOnlySpan<char> s)
    {
        var length = 0;
        var i = 0;
        while (i < s.Length)
        {
            if (_pendingCr)
            {
                _pendingCr = false;
                var lf = s[i] == '\n';
                length = lf ? Keep(s.Slice(i++, 1), length) : length;
                _line++;
                continue;
            }

            if (_line >= _endLine)
            {
                _done = true;
                break;
            }

            var found = s[i..].IndexOfAny('\r', '\n');
            var end = found < 0 ? s.Length : i + found + 1;
            length = Keep(s[i..end], length);
            i = end;
            if (found >= 0)
            {
                _pendingCr = s[end - 1] == '\r';
                _line += _pendingCr ? 0 : 1;
            }
        }

        return length;
    }

    private int Keep(ReadOnlySpan<char> chars, int length)
    {
        if (_line < _firstLine)
        {
            return length;
        }

        chars.CopyTo(_out.AsSpan(length));
        return length + chars.Length;
    }
}

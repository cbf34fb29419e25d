using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace Strata.Sources;

/// <summary>
/// <see cref="ScriptDecoder"/> for a file too large to hold: reads its bytes in chunks and yields the canonical text
/// (no BOM, CRLF and CR turned into LF) while hashing it, so the checksum is the one the in-memory path computes.
/// Stops yielding text at the first bad byte; <see cref="Finish"/> then reads the rest and reports the same problem
/// (with the same byte offset) the in-memory path would. Used by the streamed loader and, for its second look at a
/// section, by <see cref="StreamedFileParser"/>.
/// </summary>
internal sealed class CanonicalTextReader : TextReader
{
    private const int ChunkBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _bytes = new byte[ChunkBytes + 4];
    private readonly char[] _chars = new char[ChunkBytes + 4];
    private readonly byte[] _head = new byte[64];
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _headLength;
    private int _carried;
    private long _bytesBefore;
    private int _charStart;
    private int _charEnd;
    private bool _crBeforeChars;
    private bool _crBeforeBytes;
    private bool _eof;
    private string? _problem;
    private bool _problemIsFinal;

    /// <summary>Reads <paramref name="stream"/> (disposed with this reader).</summary>
    public CanonicalTextReader(Stream stream) => _stream = stream;

    /// <summary>How many bytes of the file were read.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override int Read(Span<char> buffer)
    {
        while (_charStart == _charEnd)
        {
            if (_eof || _problem is not null)
            {
                return 0;
            }

            DecodeNextChunk();
        }

        var count = Math.Min(buffer.Length, _charEnd - _charStart);
        _chars.AsSpan(_charStart, count).CopyTo(buffer);
        _charStart += count;
        return count;
    }

    /// <inheritdoc />
    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    /// <summary>
    /// Reads what is left of the file (a NUL byte anywhere wins over earlier invalid UTF-8, as in
    /// <see cref="ScriptDecoder"/>) and returns the checksum, or null with <paramref name="problem"/>.
    /// </summary>
    public string? Finish(out string? problem)
    {
        while (!_eof && !_problemIsFinal)
        {
            DecodeNextChunk();
        }

        problem = _problem ?? (BytesRead - Bom() == 0 ? ScriptDecoder.EmptyMessage : null);
        if (problem is not null)
        {
            return null;
        }

        if (_crBeforeBytes)
        {
            _hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Bom() => _headLength >= 3 ? ScriptDecoder.Utf8BomLength(_head) : 0;

    /// <summary>Reads one chunk: checks it for NUL, hashes its canonical form, decodes it (keeping a split character for the next chunk).</summary>
    private void DecodeNextChunk()
    {
        var fresh = ReadBytes();
        var bytes = _bytes.AsSpan(_carried, fresh);
        var skip = BytesRead == fresh ? StartOfFile() : 0;
        if (_problemIsFinal)
        {
            return;
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            _problem = ScriptDecoder.NulMessage(BytesRead - fresh + nul, _head.AsSpan(0, _headLength));
            _problemIsFinal = true;
            return;
        }

        if (_problem is null)
        {
            Hash(bytes[skip..]);
            Decode(skip, fresh);
        }
    }

    private int ReadBytes()
    {
        var total = 0;
        var want = ChunkBytes - _carried;
        while (total < want && !_eof)
        {
            var read = _stream.Read(_bytes, _carried + total, want - total);
            _eof = read == 0;
            total += read;
        }

        var head = Math.Min(total, _head.Length - _headLength);
        if (head > 0)
        {
            _bytes.AsSpan(_carried, head).CopyTo(_head.AsSpan(_headLength));
            _headLength += head;
        }

        BytesRead += total;
        return total;
    }

    /// <summary>Checks the first chunk for a UTF-16 BOM; returns how many BOM bytes to skip.</summary>
    private int StartOfFile()
    {
        if (ScriptDecoder.StartsWithUtf16Bom(_head.AsSpan(0, _headLength)))
        {
            _problem = ScriptDecoder.Utf16Message(_head.AsSpan(0, _headLength));
            _problemIsFinal = true;
            return 0;
        }

        return Bom();
    }

    /// <summary>Adds the canonical form of <paramref name="bytes"/> to the hash: CRLF and lone CR become LF.</summary>
    private void Hash(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_crBeforeBytes)
            {
                _crBeforeBytes = false;
                _hash.AppendData("\n"u8);
                bytes = bytes[0] == (byte)'\n' ? bytes[1..] : bytes;
                continue;
            }

            var cr = bytes.IndexOf((byte)'\r');
            _hash.AppendData(cr < 0 ? bytes : bytes[..cr]);
            if (cr < 0)
            {
                return;
            }

            _crBeforeBytes = true;
            bytes = bytes[(cr + 1)..];
        }
    }

    /// <summary>Decodes the carried bytes and the <paramref name="fresh"/> ones after <paramref name="skip"/> into canonical characters.</summary>
    private void Decode(int skip, int fresh)
    {
        var all = _bytes.AsSpan(skip, _carried + fresh - skip);
        var status = Utf8.ToUtf16(all, _chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: _eof);
        if (status == OperationStatus.InvalidData)
        {
            var offset = _bytesBefore + skip + read;
            _problem = ScriptDecoder.InvalidUtf8Message(all[read], offset);
            return;
        }

        _bytesBefore += skip + read;
        _carried = all.Length - read;
        all[read..].CopyTo(_bytes);
        _charStart = 0;
        _charEnd = Canonicalize(_chars.AsSpan(0, written));
    }

    /// <summary>Turns CRLF and lone CR into LF in place (a CR at the end of one chunk pairs with an LF starting the next).</summary>
    private int Canonicalize(Span<char> chars)
    {
        if (!_crBeforeChars && !chars.Contains('\r'))
        {
            return chars.Length;
        }

        var length = 0;
        foreach (var c in chars)
        {
            var skipLf = _crBeforeChars && c == '\n';
            _crBeforeChars = c == '\r';
            if (!skipLf)
            {
                chars[length++] = c == '\r' ? '\n' : c;
            }
        }

        return length;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using Strata.Sql;

namespace Strata.Sources;

/// <summary>
/// Turns the bytes of a migration file into text: strict UTF-8, BOM removed; keeps the text as written (sent to
/// the database) and its canonical form with CRLF and CR turned into LF (parsed, and hashed by <see cref="Checksum"/>). Called by migration sources for every file before any database
/// is touched; refuses UTF-16, NUL bytes, invalid UTF-8 and empty files with a message naming the byte offset.
/// </summary>
public static class ScriptDecoder
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];

    /// <summary>
    /// Decodes <paramref name="bytes"/>. True with <paramref name="script"/> on success; false with
    /// <paramref name="problem"/> (what is wrong and the fix, without the path) otherwise.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out DecodedScript? script, [NotNullWhen(false)] out string? problem)
    {
        script = null;
        problem = FindProblem(bytes);
        if (problem is not null)
        {
            return false;
        }

        var body = bytes.StartsWith(Utf8Bom) ? bytes[3..] : bytes;
        var text = Encoding.UTF8.GetString(body);
        if (body.Contains((byte)'\r'))
        {
            var canonical = Checksum.CanonicalizeLineEnds(text, text);
            script = new DecodedScript(canonical, Checksum.ComputeLineEndsCanonical(canonical), text);
        }
        else
        {
            script = new DecodedScript(text, Checksum.ComputeCanonicalUtf8(body), text);
        }

        return true;
    }

    /// <summary>The message for a file that starts with a UTF-16 byte order mark.</summary>
    /// <summary>The problem of a file starting with a UTF-16 byte order mark (<paramref name="bytes"/> starts with it).</summary>
    internal static string Utf16Message(ReadOnlySpan<byte> bytes) =>
        $"the file is UTF-16 (it starts with a UTF-16 byte order mark: bytes 0x{bytes[0]:X2} 0x{bytes[1]:X2} at byte offset 0); save it as UTF-8";

    /// <summary>The message for a file without any byte (but a BOM).</summary>
    internal const string EmptyMessage = "the file is empty; write the migration's SQL or delete the file";

    /// <summary>True when <paramref name="bytes"/> starts with a UTF-16 byte order mark (either order).</summary>
    internal static bool StartsWithUtf16Bom(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Utf16LittleEndianBom) || bytes.StartsWith(Utf16BigEndianBom);

    /// <summary>The length of a UTF-8 byte order mark at the start of <paramref name="bytes"/>: 3 or 0.</summary>
    internal static int Utf8BomLength(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Utf8Bom) ? 3 : 0;

    /// <summary>The message for a NUL byte at <paramref name="offset"/>; <paramref name="head"/> is the file's first bytes (up to 64).</summary>
    internal static string NulMessage(long offset, ReadOnlySpan<byte> head) =>
        LooksLikeUtf16(head)
            ? $"the file looks like UTF-16 without a byte order mark (NUL byte at byte offset {offset}); save it as UTF-8"
            : $"the file contains a NUL byte at byte offset {offset}; SQL files are text, remove it";

    /// <summary>The message for the invalid UTF-8 byte <paramref name="value"/> at file offset <paramref name="offset"/>.</summary>
    internal static string InvalidUtf8Message(byte value, long offset) =>
        $"the file is not valid UTF-8: byte 0x{value:X2} at byte offset {offset} (Latin-1 or Windows-1252 text?); save it as UTF-8";

    private static string? FindProblem(ReadOnlySpan<byte> bytes)
    {
        if (StartsWithUtf16Bom(bytes))
        {
            return Utf16Message(bytes);
        }

        var body = bytes[Utf8BomLength(bytes)..];
        if (body.IsEmpty)
        {
            return EmptyMessage;
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return NulMessage(nul, bytes);
        }

        if (Utf8.IsValid(body))
        {
            return null;
        }

        var offset = InvalidUtf8Offset(body) + (bytes.Length - body.Length);
        return InvalidUtf8Message(bytes[offset], offset);
    }

    /// <summary>ASCII text in UTF-16 has a NUL in every other byte (looks at the first 64 bytes).</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64)];
        int even = 0, odd = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                _ = i % 2 == 0 ? even++ : odd++;
            }
        }

        var pairs = sample.Length / 2;
        return pairs > 0 && Math.Max(even, odd) * 10 >= pairs * 8;
    }

    private static int InvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        Span<char> scratch = stackalloc char[1024];
        while (true)
        {
            var status = Utf8.ToUtf16(bytes[offset..], scratch, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall)
            {
                return offset;
            }
        }
    }
}

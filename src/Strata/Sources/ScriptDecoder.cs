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

    private static string? FindProblem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf16LittleEndianBom) || bytes.StartsWith(Utf16BigEndianBom))
        {
            return $"the file is UTF-16 (it starts with a UTF-16 byte order mark: bytes 0x{bytes[0]:X2} 0x{bytes[1]:X2} at byte offset 0); save it as UTF-8";
        }

        var body = bytes.StartsWith(Utf8Bom) ? bytes[3..] : bytes;
        if (body.IsEmpty)
        {
            return "the file is empty; write the migration's SQL or delete the file";
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return LooksLikeUtf16(bytes)
                ? $"the file looks like UTF-16 without a byte order mark (NUL byte at byte offset {nul}); save it as UTF-8"
                : $"the file contains a NUL byte at byte offset {nul}; SQL files are text, remove it";
        }

        if (Utf8.IsValid(body))
        {
            return null;
        }

        var offset = InvalidUtf8Offset(body) + (bytes.Length - body.Length);
        return $"the file is not valid UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset} (Latin-1 or Windows-1252 text?); save it as UTF-8";
    }

    /// <summary>ASCII text in UTF-16 has a NUL in every other byte.</summary>
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

using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace Strata.Sql;

/// <summary>
/// The migration checksum: lower-case hex SHA-256 of the UTF-8 bytes of the canonical text, where canonical
/// means a leading BOM removed and CRLF and lone CR turned into LF, nothing else. So a file checked out with
/// other line endings keeps its checksum, while any other change (even whitespace inside a string literal)
/// changes it. Called by the migration sources when they load files; linear in the text length.
/// </summary>
public static class Checksum
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>
    /// <paramref name="text"/> without a leading U+FEFF and with CRLF and lone CR turned into LF. Returns the same
    /// instance when there is nothing to change.
    /// </summary>
    public static string Canonicalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] == ByteOrderMark ? CanonicalizeLineEnds(text.AsSpan(1), null) : CanonicalizeLineEnds(text, text);
    }

    /// <summary>The lower-case hex SHA-256 of the UTF-8 encoding of <see cref="Canonicalize"/>(<paramref name="text"/>).</summary>
    public static string Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ComputeLineEndsCanonical(text.Length > 0 && text[0] == ByteOrderMark ? text.AsSpan(1) : text.AsSpan());
    }

    /// <summary>
    /// <paramref name="source"/> (whose BOM, if any, is already gone) with CRLF and CR turned into LF;
    /// <paramref name="original"/> is returned as is when given and there is no CR.
    /// </summary>
    internal static string CanonicalizeLineEnds(ReadOnlySpan<char> source, string? original)
    {
        if (!source.Contains('\r'))
        {
            return original ?? source.ToString();
        }

        var buffer = ArrayPool<char>.Shared.Rent(source.Length);
        try
        {
            var length = 0;
            var rest = source;
            bool endsWithBreak;
            do
            {
                var segment = NextSegment(ref rest, out endsWithBreak);
                segment.CopyTo(buffer.AsSpan(length));
                length += segment.Length;
                if (endsWithBreak)
                {
                    buffer[length++] = '\n';
                }
            }
            while (endsWithBreak);

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The checksum of a text whose BOM (if any) is already gone, turning CRLF and CR into LF on the way.</summary>
    internal static string ComputeLineEndsCanonical(ReadOnlySpan<char> source)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[8192];
        var filled = 0;
        var rest = source;
        bool endsWithBreak;
        do
        {
            AppendUtf8(hash, NextSegment(ref rest, out endsWithBreak), buffer, ref filled);
            if (endsWithBreak)
            {
                if (filled == buffer.Length)
                {
                    hash.AppendData(buffer);
                    filled = 0;
                }

                buffer[filled++] = (byte)'\n';
            }
        }
        while (endsWithBreak);

        hash.AppendData(buffer[..filled]);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>
    /// The checksum of bytes that already are the UTF-8 of a canonical text (no BOM, no CR): lets a loader hash a
    /// file's bytes without encoding the decoded text again.
    /// </summary>
    internal static string ComputeCanonicalUtf8(ReadOnlySpan<byte> utf8) => Convert.ToHexStringLower(SHA256.HashData(utf8));

    /// <summary>Encodes <paramref name="text"/> into <paramref name="buffer"/>, hashing the buffer whenever it fills up.</summary>
    private static void AppendUtf8(IncrementalHash hash, ReadOnlySpan<char> text, Span<byte> buffer, ref int filled)
    {
        while (true)
        {
            var status = Utf8.FromUtf16(text, buffer[filled..], out var read, out var written);
            filled += written;
            text = text[read..];
            if (status != OperationStatus.DestinationTooSmall)
            {
                return;
            }

            hash.AppendData(buffer[..filled]);
            filled = 0;
        }
    }

    /// <summary>
    /// The text before the next CR (or all of <paramref name="rest"/>); moves <paramref name="rest"/> past that CR
    /// and an LF right after it. <paramref name="endsWithBreak"/> tells whether a CR was found.
    /// </summary>
    private static ReadOnlySpan<char> NextSegment(ref ReadOnlySpan<char> rest, out bool endsWithBreak)
    {
        var cr = rest.IndexOf('\r');
        endsWithBreak = cr >= 0;
        if (cr < 0)
        {
            var all = rest;
            rest = [];
            return all;
        }

        var segment = rest[..cr];
        rest = rest[(cr + (cr + 1 < rest.Length && rest[cr + 1] == '\n' ? 2 : 1))..];
        return segment;
    }
}

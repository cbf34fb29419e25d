using System.Security.Cryptography;
using System.Text;

namespace Strata.Reliability.Tests.Integrity;

/// <summary>
/// The checksum product.md defines, computed here independently of Strata (SHA-256 of the UTF-8 text after removing
/// a BOM and turning CRLF and CR into LF), and a check that a message shows a checksum.
/// </summary>
internal static class Checksums
{
    /// <summary>Shortest prefix of a checksum that counts as "showing" it (Strata may print a short form).</summary>
    public const int ShortestShownPrefix = 8;

    /// <summary>The checksum of a file's bytes, by the definition of product.md.</summary>
    public static string Of(byte[] file)
    {
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var canonical = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The longest prefix of <paramref name="checksum"/> (at least <see cref="ShortestShownPrefix"/> characters) found in <paramref name="output"/>, or null.</summary>
    public static string? ShownIn(string output, string checksum)
    {
        for (var length = checksum.Length; length >= ShortestShownPrefix; length--)
        {
            if (output.Contains(checksum[..length], StringComparison.Ordinal))
            {
                return checksum[..length];
            }
        }

        return null;
    }
}

using System.Text;

namespace Strata.PostgreSql.Connection;

/// <summary>
/// Strict RFC 3986 percent-decoding for the parts of a database URL (user, password, host, database, query).
/// Unlike <see cref="Uri.UnescapeDataString(string)"/> it rejects a <c>%</c> that is not followed by two hex
/// digits and bytes that are not UTF-8, so a password with an unescaped <c>%</c> is reported instead of mangled.
/// </summary>
internal static class PercentDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="text"/>; false when it holds a malformed escape or invalid UTF-8.</summary>
    public static bool TryDecode(string text, out string decoded)
    {
        decoded = text;
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return true;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                var end = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? i + 2 : i + 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i..end]));
                i = end - 1;
                continue;
            }

            if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
            {
                return false;
            }

            bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
            i += 2;
        }

        try
        {
            decoded = StrictUtf8.GetString([.. bytes]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

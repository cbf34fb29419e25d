using System.Text;

namespace Strata.Reliability.Tests.Integrity;

/// <summary>The same text saved the ways editors and Git checkouts save it: LF, CRLF, CR, each with or without a UTF-8 BOM.</summary>
internal static class LineEnds
{
    /// <summary>Every variant's name and bytes, the plain LF copy first.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Variants(string lfText)
    {
        if (lfText.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException("give the text with LF line ends", nameof(lfText));
        }

        var crlf = lfText.Replace("\n", "\r\n", StringComparison.Ordinal);
        var cr = lfText.Replace('\n', '\r');
        var mixed = string.Join(string.Empty, lfText.Split('\n').Select((line, i) => i == 0 ? line : (i % 2 == 0 ? "\r\n" : "\n") + line));
        return
        [
            ("LF", Utf8(lfText)),
            ("CRLF", Utf8(crlf)),
            ("CR", Utf8(cr)),
            ("mixed CRLF and LF", Utf8(mixed)),
            ("BOM + LF", WithBom(lfText)),
            ("BOM + CRLF", WithBom(crlf)),
            ("BOM + CR", WithBom(cr)),
        ];
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static byte[] WithBom(string text) => [0xEF, 0xBB, 0xBF, .. Utf8(text)];
}

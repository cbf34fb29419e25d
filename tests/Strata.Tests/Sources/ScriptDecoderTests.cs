using System.Text;
using Strata.Sources;
using Strata.Sql;

namespace Strata.Tests.Sources;

public sealed class ScriptDecoderTests
{
    private const string Text = "-- Überschrift 日本 😀\nCREATE TABLE café (a text DEFAULT 'x  y');\n";

    private static DecodedScript Decode(byte[] bytes)
    {
        ScriptDecoder.TryDecode(bytes, out var script, out var problem).ShouldBeTrue(problem);
        return script!;
    }

    private static string Problem(byte[] bytes)
    {
        ScriptDecoder.TryDecode(bytes, out var script, out var problem).ShouldBeFalse();
        script.ShouldBeNull();
        return problem!;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Valid_utf8_decodes_with_its_checksum()
    {
        var script = Decode(Utf8(Text));
        script.Text.ShouldBe(Text);
        script.Checksum.ShouldBe(Checksum.Compute(Text));
    }

    [Fact]
    public void The_original_text_keeps_its_line_ends_and_loses_only_the_bom()
    {
        var crlf = Text.Replace("\n", "\r\n", StringComparison.Ordinal);
        var decoded = Decode([0xEF, 0xBB, 0xBF, .. Utf8(crlf)]);

        decoded.Original.ShouldBe(crlf);
        decoded.Text.ShouldBe(Text);
    }

    [Fact]
    public void Lf_crlf_cr_and_bom_copies_decode_to_the_same_text_and_checksum()
    {
        var lf = Decode(Utf8(Text));
        byte[][] copies =
        [
            Utf8(Text.Replace("\n", "\r\n", StringComparison.Ordinal)),
            Utf8(Text.Replace("\n", "\r", StringComparison.Ordinal)),
            [0xEF, 0xBB, 0xBF, .. Utf8(Text)],
            [0xEF, 0xBB, 0xBF, .. Utf8(Text.Replace("\n", "\r\n", StringComparison.Ordinal))],
        ];
        foreach (var copy in copies)
        {
            var decoded = Decode(copy);
            (decoded.Text, decoded.Checksum).ShouldBe((lf.Text, lf.Checksum));
        }
    }

    [Fact]
    public void The_checksum_is_that_of_checksum_compute_on_the_file_text()
    {
        var crlfWithBom = "\uFEFF" + Text.Replace("\n", "\r\n", StringComparison.Ordinal);
        Decode([0xEF, 0xBB, 0xBF, .. Utf8(Text.Replace("\n", "\r\n", StringComparison.Ordinal))]).Checksum.ShouldBe(Checksum.Compute(crlfWithBom));
    }

    [Fact]
    public void Latin1_bytes_are_refused_with_the_byte_offset()
    {
        var bytes = Encoding.Latin1.GetBytes("SELECT 'caf\u00e9';");
        Problem(bytes).ShouldBe("the file is not valid UTF-8: byte 0xE9 at byte offset 11 (Latin-1 or Windows-1252 text?); save it as UTF-8");
    }

    [Fact]
    public void Invalid_utf8_offsets_count_the_bom_and_every_earlier_byte()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Utf8(new string('x', 5000) + "日本"), 0xC3, 0x28];
        Problem(bytes).ShouldContain($"byte 0xC3 at byte offset {bytes.Length - 2}");
    }

    [Fact]
    public void A_truncated_sequence_at_the_end_is_invalid() =>
        Problem([.. Utf8("SELECT 1;"), 0xE6, 0x97]).ShouldContain("byte 0xE6 at byte offset 9");

    [Fact]
    public void A_nul_byte_is_refused_with_its_offset() =>
        Problem([.. Utf8("SELECT 1;"), 0x00, .. Utf8("\nSELECT 2;")]).ShouldBe("the file contains a NUL byte at byte offset 9; SQL files are text, remove it");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf16_with_a_bom_is_refused(bool littleEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: true);
        Problem([.. encoding.GetPreamble(), .. encoding.GetBytes(Text)]).ShouldBe(
            $"the file is UTF-16 (it starts with a UTF-16 byte order mark: bytes {(littleEndian ? "0xFF 0xFE" : "0xFE 0xFF")} at byte offset 0); save it as UTF-8");
    }

    [Fact]
    public void Utf16_without_a_bom_is_recognised() =>
        Problem(Encoding.Unicode.GetBytes("CREATE TABLE t (a int);")).ShouldContain("looks like UTF-16 without a byte order mark (NUL byte at byte offset 1)");

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    public void An_empty_file_is_refused(byte[] bytes) =>
        Problem(bytes).ShouldBe("the file is empty; write the migration's SQL or delete the file");
}

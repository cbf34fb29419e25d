using System.Security.Cryptography;
using System.Text;
using Strata.Sql;

namespace Strata.Tests.Sql;

public sealed class ChecksumTests
{
    private const string Lf = "CREATE TABLE t (a text DEFAULT 'x  y');\n-- é 日本 😀\nSELECT 1;\n";

    [Fact]
    public void Is_lower_case_hex_sha256_of_the_utf8_text()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Lf)));
        Checksum.Compute(Lf).ShouldBe(expected);
        Checksum.Compute("").ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    [Fact]
    public void Lf_crlf_cr_and_bom_copies_have_the_same_checksum()
    {
        var expected = Checksum.Compute(Lf);
        Checksum.Compute(Lf.Replace("\n", "\r\n", StringComparison.Ordinal)).ShouldBe(expected);
        Checksum.Compute(Lf.Replace("\n", "\r", StringComparison.Ordinal)).ShouldBe(expected);
        Checksum.Compute("\uFEFF" + Lf).ShouldBe(expected);
        Checksum.Compute("\uFEFF" + Lf.Replace("\n", "\r\n", StringComparison.Ordinal)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("CREATE TABLE t (a text DEFAULT 'x   y');\n-- é 日本 😀\nSELECT 1;\n")]
    [InlineData("CREATE TABLE t (a text DEFAULT 'x\ty');\n-- é 日本 😀\nSELECT 1;\n")]
    [InlineData("CREATE TABLE t (a text DEFAULT 'x  y');\n-- é 日本 😀\nSELECT 1;")]
    [InlineData("CREATE TABLE t (a text DEFAULT 'x  y');\n-- é 日本 😀\nSELECT 1; \n")]
    [InlineData("create TABLE t (a text DEFAULT 'x  y');\n-- é 日本 😀\nSELECT 1;\n")]
    [InlineData("CREATE TABLE t (a text DEFAULT 'x  y');\n-- e 日本 😀\nSELECT 1;\n")]
    [InlineData("CREATE TABLE t (a text DEFAULT 'x  y');\n\n-- é 日本 😀\nSELECT 1;\n")]
    [InlineData("\uFEFF\uFEFFCREATE TABLE t (a text DEFAULT 'x  y');\n-- é 日本 😀\nSELECT 1;\n")]
    public void Any_other_change_alters_the_checksum(string changed) =>
        Checksum.Compute(changed).ShouldNotBe(Checksum.Compute(Lf));

    [Fact]
    public void A_crlf_is_one_line_break_but_lf_cr_is_two() =>
        Checksum.Compute("a\n\rb").ShouldBe(Checksum.Compute("a\n\nb"));

    [Theory]
    [InlineData("a\r\nb\rc\n", "a\nb\nc\n")]
    [InlineData("\uFEFFx\r\n", "x\n")]
    [InlineData("\r\r\n\n", "\n\n\n")]
    [InlineData("x\uFEFF", "x\uFEFF")]
    [InlineData("", "")]
    public void Canonicalize_only_removes_a_bom_and_normalises_line_breaks(string text, string expected) =>
        Checksum.Canonicalize(text).ShouldBe(expected);

    [Fact]
    public void Canonicalize_returns_an_already_canonical_text_as_is() =>
        ReferenceEquals(Checksum.Canonicalize(Lf), Lf).ShouldBeTrue();

    [Fact]
    public void Compute_equals_the_hash_of_the_canonical_text_across_buffer_boundaries()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append("é😀 line ").Append(i).Append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\n");
        }

        var text = builder.ToString();
        var canonical = Checksum.Canonicalize(text);
        Checksum.Compute(text).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
    }

    [Fact]
    public void Is_fast_on_multi_megabyte_input()
    {
        var text = string.Concat(Enumerable.Repeat("INSERT INTO t VALUES (1, 'abc');\r\n", 200_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var canonical = Checksum.Canonicalize(text);
        var checksum = Checksum.Compute(text);
        watch.Stop();
        canonical.Length.ShouldBe(text.Length - 200_000);
        checksum.ShouldBe(Checksum.Compute(canonical));
        watch.ElapsedMilliseconds.ShouldBeLessThan(1_000);
    }
}

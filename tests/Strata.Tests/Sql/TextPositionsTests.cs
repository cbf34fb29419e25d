using Strata.Sql;

namespace Strata.Tests.Sql;

public sealed class TextPositionsTests
{
    [Theory]
    [InlineData("ab\ncd", 4, 2, 2)]
    [InlineData("ab\r\ncd", 5, 2, 2)]
    [InlineData("ab\r\ncd", 3, 1, 3)]
    [InlineData("ab\rcd", 4, 2, 2)]
    [InlineData("a\r\rb", 3, 3, 1)]
    [InlineData("\n\n\nx", 3, 4, 1)]
    [InlineData("abc", 0, 1, 1)]
    [InlineData("abc", 99, 1, 4)]
    public void Lf_crlf_and_lone_cr_each_end_a_line(string text, int offset, int line, int column) =>
        TextPositions.LineColumnAt(text, offset).ShouldBe((line, column));

    [Fact]
    public void A_surrogate_pair_is_one_column()
    {
        const string text = "😀😀x";
        TextPositions.LineColumnAt(text, 4).ShouldBe((1, 3));
        TextPositions.LineColumnAt(text, 2).ShouldBe((1, 2));
    }

    [Fact]
    public void A_lone_low_surrogate_still_counts_as_a_column() =>
        TextPositions.LineColumnAt("\uDE00x", 2).ShouldBe((1, 3));

    [Fact]
    public void Multibyte_text_counts_characters_not_bytes() =>
        TextPositions.LineColumnAt("-- éèê 日本\nSELECT", 13).ShouldBe((2, 4));

    [Fact]
    public void Character_positions_map_to_utf16_offsets()
    {
        const string text = "xx😀ab";
        TextPositions.OffsetOfCharacter(text, 0, 3).ShouldBe(2);
        TextPositions.OffsetOfCharacter(text, 0, 4).ShouldBe(4);
        TextPositions.OffsetOfCharacter(text, 2, 2).ShouldBe(4);
        TextPositions.OffsetOfCharacter(text, 0, 99).ShouldBe(text.Length);
    }

    [Theory]
    [InlineData("a\r\nb\r\nc", 2, "b")]
    [InlineData("a\rb\rc", 3, "c")]
    [InlineData("a\nb", 1, "a")]
    [InlineData("a\nb", 5, "")]
    public void Line_text_excludes_the_line_break(string text, int line, string expected) =>
        TextPositions.LineText(text, line).ShouldBe(expected);
}

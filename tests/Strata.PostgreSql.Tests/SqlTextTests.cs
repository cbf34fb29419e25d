namespace Strata.PostgreSql.Tests;

public sealed class SqlTextTests
{
    [Theory]
    [InlineData("strata_migrations", "\"strata_migrations\"")]
    [InlineData("x\"; DROP TABLE canary; --", "\"x\"\"; DROP TABLE canary; --\"")]
    [InlineData("Mixed Case", "\"Mixed Case\"")]
    public void Identifiers_are_double_quoted_with_inner_quotes_doubled(string name, string quoted) =>
        SqlText.Quote(name).ShouldBe(quoted);

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("back\\slash 'q'", "E'back\\\\slash ''q'''")]
    [InlineData(null, "NULL")]
    public void Text_literals_read_the_same_under_any_string_setting(string? text, string literal) =>
        SqlText.Literal(text).ShouldBe(literal);

    [Fact]
    public void Placeholders_are_replaced_by_literals_including_two_digit_ones()
    {
        var values = Enumerable.Range(1, 10).Select(i => (object?)(long)i).ToList();
        values[0] = "a'b";
        values[1] = null;
        values[2] = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));

        SqlText.Inline("VALUES ($1, $2, $3, $10)", values)
            .ShouldBe("VALUES ('a''b', NULL, '2024-01-02 01:04:05.000000+00'::timestamptz, 10)");
    }
}

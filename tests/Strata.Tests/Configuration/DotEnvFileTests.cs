using Strata.Configuration;
using Strata.Errors;

namespace Strata.Tests.Configuration;

public sealed class DotEnvFileTests
{
    [Fact]
    public void Reads_assignments_exports_comments_and_quotes()
    {
        const string text = """
            # a comment

            PLAIN=value with spaces
            export EXPORTED=yes
              INDENTED = trimmed around the sign
            SINGLE='no \n escapes # here'
            DOUBLE="line1\nline2 \"quoted\" back\\slash\ttab" # trailing comment
            INLINE=abc #comment
            HASH=abc#not-a-comment
            EMPTY=
            DOLLAR=$ecret${NOT_EXPANDED}$$
            URL=postgres://app:p%40ss@h/db?sslmode=require
            WINDOWS="C:\temp\x"
            """;

        var variables = DotEnvFile.Parse(text.Replace("\n", "\r\n", StringComparison.Ordinal), "/p/.env");

        variables["PLAIN"].ShouldBe("value with spaces");
        variables["EXPORTED"].ShouldBe("yes");
        variables["INDENTED"].ShouldBe("trimmed around the sign");
        variables["SINGLE"].ShouldBe(@"no \n escapes # here");
        variables["DOUBLE"].ShouldBe("line1\nline2 \"quoted\" back\\slash\\ttab");
        variables["INLINE"].ShouldBe("abc");
        variables["HASH"].ShouldBe("abc#not-a-comment");
        variables["EMPTY"].ShouldBe("");
        variables["DOLLAR"].ShouldBe("$ecret${NOT_EXPANDED}$$");
        variables["URL"].ShouldBe("postgres://app:p%40ss@h/db?sslmode=require");
        variables["WINDOWS"].ShouldBe(@"C:\temp\x");
        variables.Count.ShouldBe(11);
    }

    [Fact]
    public void Later_lines_win_and_a_bom_is_ignored()
    {
        var variables = DotEnvFile.Parse("\uFEFFA=1\nA=2\n", "/p/.env");

        variables["A"].ShouldBe("2");
    }

    [Theory]
    [InlineData("JUST_A_NAME", 1)]
    [InlineData("A=1\n=value", 2)]
    [InlineData("A=1\n\n1BAD=x", 3)]
    [InlineData("BAD-NAME=x", 1)]
    [InlineData("Q=\"unterminated", 1)]
    [InlineData("Q='unterminated", 1)]
    [InlineData("Q=\"done\" extra", 1)]
    [InlineData("export", 1)]
    public void Reports_bad_lines_with_path_and_line(string text, int line)
    {
        var error = Should.Throw<ConfigurationException>(() => DotEnvFile.Parse(text, "/p/.env"));

        error.Message.ShouldStartWith($"/p/.env:{line}: ");
        error.Hint.ShouldNotBeNull().ShouldContain("KEY=VALUE");
    }

    [Fact]
    public void Never_quotes_the_bad_line()
    {
        var error = Should.Throw<ConfigurationException>(() => DotEnvFile.Parse("hunter2-is-my-password", "/p/.env"));

        error.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public void Loads_nothing_when_there_is_no_file()
    {
        using var folder = new TempFolder();

        DotEnvFile.Load(folder.Path, out var path).ShouldBeEmpty();
        path.ShouldBeNull();
    }
}

using Strata.Sql;

namespace Strata.Tests.Sql;

public sealed class SqlLexerTests
{
    private static (SqlTokenKind Kind, string Text)[] Lex(string sql, Dialect dialect = Dialect.PostgreSql) =>
        SqlLexer.Tokenize(sql, dialect).Where(t => t.Kind != SqlTokenKind.Whitespace).Select(t => (t.Kind, sql.Substring(t.Start, t.Length))).ToArray();

    private static (SqlTokenKind Kind, string Text) Single(string sql, Dialect dialect = Dialect.PostgreSql)
    {
        var tokens = Lex(sql, dialect);
        tokens.Length.ShouldBe(1, $"tokens: {string.Join(" | ", tokens)}");
        return tokens[0];
    }

    [Fact]
    public void Tokens_cover_the_text_without_gaps()
    {
        const string sql = "SELECT $1, 'a''b', E'\\'', \"q\"\"x\", $t$ x $t$ /* c /* n */ */ -- end\n;";
        var tokens = SqlLexer.Tokenize(sql, Dialect.PostgreSql);
        var position = 0;
        foreach (var token in tokens)
        {
            token.Start.ShouldBe(position);
            token.Length.ShouldBeGreaterThan(0);
            position = token.End;
        }

        position.ShouldBe(sql.Length);
    }

    [Theory]
    [InlineData("'it''s;'")]
    [InlineData("'back\\slash'")]
    [InlineData("E'\\';'")]
    [InlineData("e'a\\\\'")]
    [InlineData("E'it''s'")]
    [InlineData("U&'d\\0061t\\+000061'")]
    [InlineData("B'1010'")]
    [InlineData("X'1F'")]
    [InlineData("N'national'")]
    [InlineData("'multi\nline'")]
    public void Single_quoted_literals_are_one_string(string sql) => Single(sql).ShouldBe((SqlTokenKind.String, sql));

    [Fact]
    public void Standard_strings_treat_backslash_literally()
    {
        Lex("'a\\'; SELECT 1").ShouldBe([
            (SqlTokenKind.String, "'a\\'"),
            (SqlTokenKind.Semicolon, ";"),
            (SqlTokenKind.Word, "SELECT"),
            (SqlTokenKind.Number, "1"),
        ]);
    }

    [Fact]
    public void Like_psql_a_literal_never_continues_on_the_next_line() =>
        Lex("'a'\n'b'").ShouldBe([(SqlTokenKind.String, "'a'"), (SqlTokenKind.String, "'b'")]);

    [Fact]
    public void Like_psql_an_escape_string_does_not_lend_its_escapes_to_the_next_line() =>
        Lex("E'a'\n'\\';'").ShouldBe([
            (SqlTokenKind.String, "E'a'"),
            (SqlTokenKind.String, "'\\'"),
            (SqlTokenKind.Semicolon, ";"),
            (SqlTokenKind.Unterminated, "'"),
        ]);

    [Fact]
    public void Literals_on_one_line_do_not_continue() =>
        Lex("'a' 'b'").ShouldBe([(SqlTokenKind.String, "'a'"), (SqlTokenKind.String, "'b'")]);

    [Theory]
    [InlineData("\"a;b\"")]
    [InlineData("\"say \"\"hi\"\"\"")]
    [InlineData("U&\"d\\0061t\"")]
    [InlineData("u&\"x\"")]
    public void Double_quoted_names_are_quoted_identifiers(string sql) => Single(sql).ShouldBe((SqlTokenKind.QuotedIdentifier, sql));

    [Theory]
    [InlineData("$$ a; b $$")]
    [InlineData("$fn$ BEGIN RETURN 'x;'; END $fn$")]
    [InlineData("$outer$ $inner$ ; $inner$ ; $outer$")]
    [InlineData("$a$ $b$ $a$")]
    [InlineData("$_x1$;$_x1$")]
    [InlineData("$ü$ ; $ü$")]
    [InlineData("$$ $x $$")]
    public void Dollar_quotes_run_to_the_same_tag(string sql) => Single(sql).ShouldBe((SqlTokenKind.DollarString, sql));

    [Fact]
    public void Dollar_quote_closes_at_the_first_matching_tag_even_inside_another_tag() =>
        Lex("$a$ x$b$a$ y").ShouldBe([(SqlTokenKind.DollarString, "$a$ x$b$a$"), (SqlTokenKind.Word, "y")]);

    [Theory]
    [InlineData("$1", SqlTokenKind.Parameter)]
    [InlineData("$12", SqlTokenKind.Parameter)]
    [InlineData("a$b", SqlTokenKind.Word)]
    [InlineData("a$$b$$", SqlTokenKind.Word)]
    [InlineData("pending", SqlTokenKind.Word)]
    [InlineData("_x", SqlTokenKind.Word)]
    [InlineData("naïve", SqlTokenKind.Word)]
    [InlineData("日本", SqlTokenKind.Word)]
    public void Dollars_inside_words_and_parameters_are_no_quotes(string sql, SqlTokenKind kind) => Single(sql).ShouldBe((kind, sql));

    [Fact]
    public void A_dollar_tag_without_closing_dollar_is_an_operator_then_a_word() =>
        Lex("$abc + 1").ShouldBe([(SqlTokenKind.Operator, "$"), (SqlTokenKind.Word, "abc"), (SqlTokenKind.Operator, "+"), (SqlTokenKind.Number, "1")]);

    [Fact]
    public void A_tag_cannot_start_with_a_digit() =>
        Lex("$1a$").ShouldBe([(SqlTokenKind.Parameter, "$1"), (SqlTokenKind.Word, "a$")]);

    [Theory]
    [InlineData("/* a; b */")]
    [InlineData("/* outer /* inner; */ still comment; */")]
    [InlineData("/**/")]
    [InlineData("/*/ x */")]
    [InlineData("/* ** **/")]
    public void Block_comments_nest_in_postgresql(string sql) => Single(sql).ShouldBe((SqlTokenKind.BlockComment, sql));

    [Fact]
    public void Block_comments_do_not_nest_in_sqlite() =>
        Lex("/* a /* b */ c */", Dialect.Sqlite).ShouldBe([
            (SqlTokenKind.BlockComment, "/* a /* b */"),
            (SqlTokenKind.Word, "c"),
            (SqlTokenKind.Operator, "*"),
            (SqlTokenKind.Operator, "/"),
        ]);

    [Fact]
    public void Line_comments_stop_before_the_line_break()
    {
        Lex("-- a; b\r\nx").ShouldBe([(SqlTokenKind.LineComment, "-- a; b"), (SqlTokenKind.Word, "x")]);
        Lex("-- a\rx").ShouldBe([(SqlTokenKind.LineComment, "-- a"), (SqlTokenKind.Word, "x")]);
        Single("-- only").ShouldBe((SqlTokenKind.LineComment, "-- only"));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("3.14")]
    [InlineData(".5")]
    [InlineData("1e10")]
    [InlineData("1.5E-3")]
    [InlineData("1_000_000")]
    [InlineData("0x1F")]
    [InlineData("0b101")]
    [InlineData("0o17")]
    public void Numbers(string sql) => Single(sql).ShouldBe((SqlTokenKind.Number, sql));

    [Fact]
    public void Ranges_and_exponents_without_digits_split() =>
        Lex("1..10 2e").ShouldBe([(SqlTokenKind.Number, "1"), (SqlTokenKind.Operator, ".."), (SqlTokenKind.Number, "10"), (SqlTokenKind.Number, "2"), (SqlTokenKind.Word, "e")]);

    [Fact]
    public void Punctuation_has_its_own_kinds() =>
        Lex("(a, b);").ShouldBe([
            (SqlTokenKind.OpenParen, "("),
            (SqlTokenKind.Word, "a"),
            (SqlTokenKind.Comma, ","),
            (SqlTokenKind.Word, "b"),
            (SqlTokenKind.CloseParen, ")"),
            (SqlTokenKind.Semicolon, ";"),
        ]);

    [Fact]
    public void Operators_follow_postgresql_rules() =>
        Lex("a::int >= b <> c || d ->> 'k' @> e =- 1 */*x*/").ShouldBe([
            (SqlTokenKind.Word, "a"), (SqlTokenKind.Operator, "::"), (SqlTokenKind.Word, "int"),
            (SqlTokenKind.Operator, ">="), (SqlTokenKind.Word, "b"), (SqlTokenKind.Operator, "<>"), (SqlTokenKind.Word, "c"),
            (SqlTokenKind.Operator, "||"), (SqlTokenKind.Word, "d"), (SqlTokenKind.Operator, "->>"), (SqlTokenKind.String, "'k'"),
            (SqlTokenKind.Operator, "@>"), (SqlTokenKind.Word, "e"), (SqlTokenKind.Operator, "="), (SqlTokenKind.Operator, "-"),
            (SqlTokenKind.Number, "1"), (SqlTokenKind.Operator, "*"), (SqlTokenKind.BlockComment, "/*x*/"),
        ]);

    [Fact]
    public void An_operator_stops_before_a_line_comment() =>
        Lex("a+-- c\nb").ShouldBe([(SqlTokenKind.Word, "a"), (SqlTokenKind.Operator, "+"), (SqlTokenKind.LineComment, "-- c"), (SqlTokenKind.Word, "b")]);

    [Fact]
    public void Backslash_starts_a_meta_command_that_runs_to_the_end_of_the_line() =>
        Lex("\\i other.sql\nSELECT").ShouldBe([(SqlTokenKind.MetaCommand, "\\i other.sql"), (SqlTokenKind.Word, "SELECT")]);

    [Theory]
    [InlineData("'never closed; SELECT 1;")]
    [InlineData("E'\\'")]
    [InlineData("\"open")]
    [InlineData("$fn$ BEGIN; $other$")]
    [InlineData("/* a /* b */")]
    [InlineData("U&'x")]
    public void Unclosed_constructs_run_to_the_end(string sql) => Single(sql).ShouldBe((SqlTokenKind.Unterminated, sql));

    [Fact]
    public void Sqlite_quotes_and_identifiers()
    {
        Lex("'it''s' \"a\"\"b\" `c``d` [e;f] x'0A'", Dialect.Sqlite).ShouldBe([
            (SqlTokenKind.String, "'it''s'"),
            (SqlTokenKind.QuotedIdentifier, "\"a\"\"b\""),
            (SqlTokenKind.QuotedIdentifier, "`c``d`"),
            (SqlTokenKind.QuotedIdentifier, "[e;f]"),
            (SqlTokenKind.String, "x'0A'"),
        ]);
    }

    [Fact]
    public void Sqlite_has_no_dollar_quotes_escape_strings_or_meta_commands()
    {
        Lex("$$ E'\\' \\", Dialect.Sqlite).ShouldBe([
            (SqlTokenKind.Parameter, "$$"),
            (SqlTokenKind.Word, "E"),
            (SqlTokenKind.String, "'\\'"),
            (SqlTokenKind.Operator, "\\"),
        ]);
    }

    [Fact]
    public void Sqlite_parameters() =>
        Lex("? ?2 :name @id $var", Dialect.Sqlite).ShouldAllBe(t => t.Kind == SqlTokenKind.Parameter);

    [Theory]
    [InlineData("[open")]
    [InlineData("`open")]
    [InlineData("'open")]
    [InlineData("/* open")]
    public void Sqlite_unclosed_constructs(string sql) => Single(sql, Dialect.Sqlite).Kind.ShouldBe(SqlTokenKind.Unterminated);

    [Fact]
    public void The_lexer_can_start_at_a_token_boundary()
    {
        const string sql = "SELECT 'a'; SELECT 2";
        var lexer = new SqlLexer(sql, Dialect.PostgreSql, 11);
        lexer.TryNext(out var first).ShouldBeTrue();
        first.ShouldBe(new SqlToken(SqlTokenKind.Whitespace, 11, 1));
        lexer.TryNext(out var second).ShouldBeTrue();
        second.In(sql).ToString().ShouldBe("SELECT");
        lexer.Position.ShouldBe(18);
    }

    [Fact]
    public void Large_input_lexes_into_every_token()
    {
        // Its speed (linear in the input) is measured by bench/Strata.Bench.Micro, not asserted here.
        var sql = string.Concat(Enumerable.Repeat("INSERT INTO t (a, \"b\") VALUES (1, 'x''y', E'\\n', $$z$$); -- c\n", 40_000));
        var tokens = SqlLexer.Tokenize(sql, Dialect.PostgreSql);
        tokens.Count.ShouldBe(40_000 * 31);
    }
}

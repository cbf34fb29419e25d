using Strata.Sql;

namespace Strata.Tests.Sql;

public sealed class SqlSplitterTests
{
    private static string[] Texts(string sql, Dialect dialect = Dialect.PostgreSql) =>
        SqlSplitter.Split(sql, dialect).Select(s => s.Text).ToArray();

    [Fact]
    public void Splits_at_top_level_semicolons() =>
        Texts("CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);").ShouldBe(["CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)"]);

    [Fact]
    public void Text_starts_at_the_first_token_and_ends_at_the_last_one()
    {
        const string sql = "  -- header\n/* note */\n  SELECT 1 /* trailing */ -- end\n  ;\n";
        var statement = SqlSplitter.Split(sql, Dialect.PostgreSql).ShouldHaveSingleItem();
        statement.Text.ShouldBe("SELECT 1");
        statement.Offset.ShouldBe(sql.IndexOf("SELECT", StringComparison.Ordinal));
        (statement.Line, statement.Column).ShouldBe((3, 3));
        sql.Substring(statement.Offset, statement.Text.Length).ShouldBe(statement.Text);
    }

    [Fact]
    public void Comments_inside_a_statement_are_kept() =>
        Texts("SELECT 1 -- one;\n + /* two; */ 2;").ShouldBe(["SELECT 1 -- one;\n + /* two; */ 2"]);

    [Fact]
    public void Empty_statements_and_comment_only_parts_are_dropped() =>
        Texts(";;\n-- just a comment;\n/* ; */ ;SELECT 1;;\n-- trailing").ShouldBe(["SELECT 1"]);

    [Fact]
    public void A_last_statement_without_semicolon_is_included() =>
        Texts("SELECT 1;\nSELECT 2\n-- done\n").ShouldBe(["SELECT 1", "SELECT 2"]);

    [Fact]
    public void Empty_text_has_no_statements() => Texts("").ShouldBeEmpty();

    [Theory]
    [InlineData("SELECT 'a;b'; SELECT 2")]
    [InlineData("SELECT E'\\';'; SELECT 2")]
    [InlineData("SELECT 'it''s;'; SELECT 2")]
    [InlineData("SELECT \"a;b\" FROM t; SELECT 2")]
    [InlineData("SELECT $$;$$; SELECT 2")]
    [InlineData("SELECT $x$ $y$ ; $y$ ; $x$; SELECT 2")]
    [InlineData("SELECT /* /* ; */ ; */ 1; SELECT 2")]
    [InlineData("SELECT 1 -- ;\n; SELECT 2")]
    [InlineData("SELECT (1; 2); SELECT 2")]
    public void Semicolons_inside_quotes_comments_and_parentheses_do_not_split(string sql) =>
        Texts(sql).Length.ShouldBe(2);

    [Fact]
    public void A_standard_string_ends_at_a_quote_after_a_backslash() =>
        Texts("SELECT 'a\\'; SELECT 2").ShouldBe(["SELECT 'a\\'", "SELECT 2"]);

    [Fact]
    public void Begin_atomic_bodies_stay_one_statement()
    {
        const string function = """
            CREATE FUNCTION grade(score int) RETURNS text LANGUAGE sql
            BEGIN ATOMIC
              SELECT CASE WHEN score > 90 THEN 'A' ELSE 'B' END;
              SELECT 'done';
            END
            """;
        Texts(function + ";\nSELECT 1;").ShouldBe([function, "SELECT 1"]);
    }

    [Fact]
    public void Create_or_replace_procedure_is_tracked_too()
    {
        const string procedure = "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END";
        Texts(procedure + "; SELECT 2").ShouldBe([procedure, "SELECT 2"]);
    }

    [Theory]
    [InlineData("BEGIN; SELECT 1; END;", 3)]
    [InlineData("CREATE TABLE pending (begin_date date, atomic_x int, end_date date); SELECT 1;", 2)]
    [InlineData("CREATE VIEW v AS SELECT CASE WHEN true THEN 1 END AS c; SELECT 1;", 2)]
    [InlineData("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql; SELECT 1;", 2)]
    [InlineData("CREATE FUNCTION f(a int DEFAULT CASE WHEN true THEN 1 END) RETURNS int AS 'SELECT 1' LANGUAGE sql; SELECT 1;", 2)]
    [InlineData("CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f(); SELECT 1;", 2)]
    public void Begin_and_end_only_count_in_create_function_or_procedure(string sql, int count) =>
        Texts(sql).Length.ShouldBe(count);

    [Fact]
    public void A_psql_variable_named_like_a_keyword_does_not_open_a_block() =>
        Texts("CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN :begin; SELECT 1;").Length.ShouldBe(2);

    [Fact]
    public void Meta_commands_end_the_statement_and_stand_alone()
    {
        var statements = SqlSplitter.Split("SELECT 1\n\\gset\n\\i x.sql\nSELECT 2;", Dialect.PostgreSql);
        statements.Select(s => s.Text).ShouldBe(["SELECT 1", "\\gset", "\\i x.sql", "SELECT 2"]);
        statements.Select(s => s.Line).ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public void Sqlite_triggers_end_at_semicolon_end_semicolon()
    {
        const string trigger = """
            CREATE TEMP TRIGGER audit AFTER UPDATE ON t
            BEGIN
              INSERT INTO log VALUES (CASE WHEN new.a > 0 THEN 'up' ELSE 'down' END);
              UPDATE t SET b = 1 WHERE rowid = new.rowid;
            END
            """;
        Texts(trigger + ";\nSELECT 1;", Dialect.Sqlite).ShouldBe([trigger, "SELECT 1"]);
    }

    [Fact]
    public void Sqlite_identifiers_and_comments_hide_semicolons() =>
        Texts("SELECT [a;b], `c;d`, \"e;f\", 'g;h' /* ; */ -- ;\n; SELECT 2", Dialect.Sqlite).Length.ShouldBe(2);

    [Fact]
    public void Sqlite_begin_transaction_is_not_a_block() =>
        Texts("BEGIN; CREATE TABLE t (a); COMMIT;", Dialect.Sqlite).Length.ShouldBe(3);

    [Fact]
    public void Positions_count_crlf_and_surrogate_pairs()
    {
        const string sql = "-- 😀 emoji\r\nSELECT '😀';\r\n  SELECT 2;";
        var statements = SqlSplitter.Split(sql, Dialect.PostgreSql);
        statements.Select(s => (s.Line, s.Column)).ShouldBe([(2, 1), (3, 3)]);
        statements[0].Text.ShouldBe("SELECT '😀'");
    }

    [Fact]
    public void Positions_stay_correct_when_a_meta_command_ends_a_statement()
    {
        var statements = SqlSplitter.Split("SELECT\n 1 \\g\nSELECT 2", Dialect.PostgreSql);
        statements.Select(s => (s.Text, s.Line, s.Column)).ShouldBe([("SELECT\n 1", 1, 1), ("\\g", 2, 4), ("SELECT 2", 3, 1)]);
    }

    [Fact]
    public void Large_input_splits_into_every_statement_with_its_line()
    {
        // Its speed (linear in the input) is measured by bench/Strata.Bench.Micro, not asserted here.
        var sql = string.Concat(Enumerable.Repeat("INSERT INTO t VALUES (1, 'a;b');\n", 100_000));
        var statements = SqlSplitter.Split(sql, Dialect.PostgreSql);
        statements.Count.ShouldBe(100_000);
        statements[^1].Line.ShouldBe(100_000);
    }
}

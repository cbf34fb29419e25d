using Strata.Sql;

namespace Strata.Tests.Sql;

public sealed class SqlProblemTests
{
    private static SqlProblem[] Problems(string sql, Dialect dialect = Dialect.PostgreSql) => SqlSplitter.FindProblems(sql, dialect).ToArray();

    [Fact]
    public void A_clean_script_has_no_problems() =>
        Problems("CREATE TABLE t (a text DEFAULT E'\\'');\nDO $$ BEGIN PERFORM 1; END $$;\n/* /* */ */").ShouldBeEmpty();

    [Theory]
    [InlineData("SELECT 1;\nSELECT 'abc", 17, "unterminated string literal")]
    [InlineData("SELECT E'abc\\';", 7, "E'' string")]
    [InlineData("SELECT \"abc;", 7, "unterminated quoted identifier")]
    [InlineData("DO $body$ BEGIN END $bod$;", 3, "$body$ here is never closed by a matching $body$")]
    [InlineData("SELECT 1 /* a /* b */;", 9, "each /* inside one needs its own */")]
    [InlineData("SELECT $$x", 7, "the $$ here is never closed")]
    public void Unterminated_constructs_are_reported_where_they_start(string sql, int offset, string message)
    {
        var problem = Problems(sql).ShouldHaveSingleItem();
        problem.Offset.ShouldBe(offset);
        problem.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("\\i other.sql", "\\i")]
    [InlineData("\\set ON_ERROR_STOP on", "\\set")]
    [InlineData("\\connect other", "\\connect")]
    [InlineData("\\copy t FROM 'x.csv'", "\\copy")]
    public void Meta_commands_are_not_sql(string line, string name)
    {
        var problem = Problems($"SELECT 1;\n{line}\nSELECT 2;").ShouldHaveSingleItem();
        problem.Offset.ShouldBe(10);
        problem.Message.ShouldStartWith($"psql meta-command {name} is not SQL; Strata sends SQL to the server");
    }

    [Fact]
    public void Every_meta_command_is_reported_in_order() =>
        Problems("\\set x 1\nSELECT 1 \\gset\n\\echo hi").Select(p => p.Offset).ShouldBe([0, 18, 24]);

    [Fact]
    public void Copy_from_stdin_is_reported_once_and_its_data_skipped()
    {
        const string sql = "COPY t (a, b) FROM stdin;\n1\tit's\n2\t\\N\n\\.\nSELECT 'after';\nSELECT 'open";
        var problems = Problems(sql);
        problems.Length.ShouldBe(2);
        problems[0].Offset.ShouldBe(0);
        problems[0].Message.ShouldContain("COPY … FROM stdin needs psql's data stream");
        problems[1].Offset.ShouldBe(sql.LastIndexOf('\''));
    }

    [Fact]
    public void Copy_from_a_server_file_is_fine() =>
        Problems("COPY t FROM '/tmp/x.csv' WITH (FORMAT csv); COPY (SELECT 'stdin') TO '/tmp/y';").ShouldBeEmpty();

    [Fact]
    public void Copy_to_stdout_is_reported() =>
        Problems("COPY t TO STDOUT;").ShouldHaveSingleItem().Message.ShouldContain("TO stdout");

    [Fact]
    public void Sqlite_problems()
    {
        Problems("SELECT [a;", Dialect.Sqlite).ShouldHaveSingleItem().Offset.ShouldBe(7);
        Problems(".read other.sql\nSELECT 1;", Dialect.Sqlite).ShouldHaveSingleItem().Message.ShouldStartWith("sqlite3 shell command .read is not SQL");
        Problems("SELECT 'a\\'; SELECT 1 \\", Dialect.Sqlite).ShouldBeEmpty();
    }
}

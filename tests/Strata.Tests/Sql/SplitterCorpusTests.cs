using Strata.Sql;

namespace Strata.Tests.Sql;

public sealed class SplitterCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusCase.Folder, "*.sql").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_thirty_files_each_with_an_expectation()
    {
        var files = Directory.GetFiles(CorpusCase.Folder, "*.sql");
        files.Length.ShouldBeGreaterThanOrEqualTo(30);
        files.ShouldAllBe(f => File.Exists(Path.ChangeExtension(f, ".expected")));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Splits_like_psql_or_sqlite(string name)
    {
        var corpus = CorpusCase.Load(name);
        var statements = SqlSplitter.Split(corpus.Sql, corpus.Dialect);
        statements.Count.ShouldBe(corpus.StatementCount);
        if (corpus.Texts.Count > 0)
        {
            statements.Select(s => s.Text).ShouldBe(corpus.Texts);
        }

        foreach (var statement in statements)
        {
            corpus.Sql.Substring(statement.Offset, statement.Text.Length).ShouldBe(statement.Text);
            (statement.Line, statement.Column).ShouldBe(TextPositions.LineColumnAt(corpus.Sql, statement.Offset));
            statement.Text.ShouldNotStartWith(" ");
            statement.Text.Trim().Length.ShouldBeGreaterThan(0);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Reports_exactly_the_expected_problems(string name)
    {
        var corpus = CorpusCase.Load(name);
        var problems = SqlSplitter.FindProblems(corpus.Sql, corpus.Dialect);
        problems.Count.ShouldBe(corpus.Problems.Count, string.Join("; ", problems.Select(p => p.Message)));
        foreach (var (problem, expected) in problems.Zip(corpus.Problems))
        {
            TextPositions.LineColumnAt(corpus.Sql, problem.Offset).ShouldBe((expected.Line, expected.Column));
            problem.Message.ShouldStartWith(expected.Message);
        }
    }

    [Fact]
    public void Postgresql_corpus_files_are_valid_for_psql_and_problem_files_are_marked()
    {
        foreach (var name in Directory.GetFiles(CorpusCase.Folder, "*.sql").Select(Path.GetFileNameWithoutExtension))
        {
            var corpus = CorpusCase.Load(name!);
            var expectProblems = name!.StartsWith("problem_", StringComparison.Ordinal);
            (corpus.Problems.Count > 0).ShouldBe(expectProblems, name);
        }
    }

    [Fact]
    public void The_crlf_file_really_has_crlf_line_breaks() =>
        CorpusCase.Load("pg_crlf").Sql.ShouldContain("\r\n");

    [Fact]
    public void The_file_without_final_semicolon_really_has_none() =>
        CorpusCase.Load("pg_no_final_semicolon").Sql.TrimEnd().ShouldNotEndWith(";");
}

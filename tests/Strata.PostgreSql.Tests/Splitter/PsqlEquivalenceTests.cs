using Strata.Errors;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Splitter;

/// <summary>
/// Reliability scenario R18: each valid PostgreSQL corpus file, applied by Strata and by
/// <c>psql -v ON_ERROR_STOP=1 -f</c> on fresh databases, leaves identical <c>pg_dump</c> schema and data.
/// </summary>
[PostgresMatrix]
public sealed class PsqlEquivalenceTests : IClassFixture<CorpusReplayFixture>
{
    private readonly CorpusReplayFixture _fixture;

    public PsqlEquivalenceTests(CorpusReplayFixture fixture) => _fixture = fixture;

    public static TheoryData<string, ReplayMode> Cases()
    {
        var data = new TheoryData<string, ReplayMode>();
        foreach (var (file, mode) in CorpusReplayFixture.Cases())
        {
            data.Add(file, mode);
        }

        return data;
    }

    [Fact]
    public void The_corpus_was_copied_next_to_the_tests()
    {
        CorpusFiles.Postgres().Count.ShouldBeGreaterThanOrEqualTo(
            CorpusFiles.MinimumPostgresFiles,
            $"pg_*.sql files in {CorpusFiles.Folder}; the project file copies them from tests/Strata.Tests/Sql/Corpus");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Strata_leaves_the_same_schema_and_data_as_psql(string file, ReplayMode mode)
    {
        var result = await _fixture.ResultAsync(file, mode);
        if (_fixture.ServerMajor < CorpusFiles.FirstMajor(file))
        {
            // Syntax this major lacks: psql stops at it (exit 3), and Strata fails on the same syntax error.
            result.Psql.ExitCode.ShouldBe(3, $"psql -f {result.MigrationFile} on PostgreSQL {_fixture.ServerMajor}: {result.Psql.Describe()}");
            result.StrataError.ShouldBeOfType<MigrationFailedException>().SqlState.ShouldBe("42601");
            return;
        }

        result.Psql.ExitCode.ShouldBe(0,
            $"psql -f {result.MigrationFile} failed on PostgreSQL {_fixture.ServerMajor}, so the corpus file is not valid PostgreSQL here "
            + $"(syntax of a newer major? list it in CorpusFiles.FirstMajors): {result.Psql.Describe()}");
        if (mode == ReplayMode.AsWritten && result.StrataError is MigrationFailedException { SqlState: "25001" } refused)
        {
            // A statement PostgreSQL forbids in a transaction: the whole file is refused, atomically, with the fix.
            refused.Hint.ShouldNotBeNull().ShouldContain("-- strata:no-transaction");
            ShouldMatch("schema left by the refused migration", result.StrataSchema, await _fixture.EmptySchemaAsync(), "empty database");
            return;
        }

        result.StrataError.ShouldBeNull($"Strata failed on {result.MigrationFile} ({mode}) where psql succeeded: {result.StrataError}");
        result.StrataApplied.ShouldBe(1);
        ShouldMatch($"pg_dump --schema-only after {result.MigrationFile} ({mode})", result.StrataSchema, result.PsqlSchema, "psql -f");
        ShouldMatch($"pg_dump --data-only after {result.MigrationFile} ({mode})", result.StrataData, result.PsqlData, "psql -f");
    }

    private static void ShouldMatch(string what, string strata, string expected, string expectedName)
    {
        var diff = LineDiff.Unified(expected, strata, expectedName, "strata");
        diff.ShouldBeEmpty($"{what} differs (- {expectedName}, + strata):\n{diff}");
    }
}

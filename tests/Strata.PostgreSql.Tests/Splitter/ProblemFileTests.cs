using Strata.Errors;
using Strata.Execution;
using Strata.Sources;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Splitter;

/// <summary>Every <c>problem_*.sql</c> corpus file is refused while loading, before Strata opens a connection.</summary>
public sealed class ProblemFileTests : PostgresTestBase
{
    [Fact]
    public async Task Every_problem_file_is_refused_before_the_database_is_touched()
    {
        var files = CorpusFiles.Problems();
        files.ShouldNotBeEmpty($"no problem_*.sql files in {CorpusFiles.Folder}; the project file copies them from tests/Strata.Tests/Sql/Corpus");
        var provider = new CountingProvider(new PostgreSqlDialect(Database.ConnectionString));

        foreach (var file in files)
        {
            using var folder = new TempDirectory();
            var name = CorpusReplay.MigrationName(file);
            folder.WriteBytes(name, CorpusFiles.Read(file));
            var migrator = new Migrator(provider, new DirectoryMigrationSource(folder.Path));

            var error = await Should.ThrowAsync<MigrationSourceException>(() => migrator.MigrateAsync(), $"{file} was not refused");

            var expected = CorpusFiles.ExpectedProblems(file);
            expected.ShouldNotBeEmpty($"{file}'s .expected sidecar lists no problem");
            foreach (var (line, column, message) in expected)
            {
                error.Problems.ShouldContain(
                    p => p.Location.EndsWith($"{name}:{line}:{column}", StringComparison.Ordinal) && p.Message.StartsWith(message, StringComparison.Ordinal),
                    $"{file}: expected '{line}:{column} {message}' among: {error.Message}");
            }
        }

        provider.Opened.ShouldBe(0);
        (await Database.ListTablesAsync()).ShouldBeEmpty();
    }

    /// <summary>The real dialect, counting the sessions opened through it.</summary>
    private sealed class CountingProvider(IDialect inner) : IDialect
    {
        private int _opened;

        public int Opened => _opened;

        public string DisplayName => inner.DisplayName;

        public Dialect Dialect => inner.Dialect;

        public Task<IDatabaseSession> OpenAsync(SessionOptions options, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _opened);
            return inner.OpenAsync(options, cancellationToken);
        }
    }
}

using System.Text;
using Strata.Reliability.Tests.Integrity;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests;

/// <summary>
/// R18 — splitter corpus: the corpus of tests/Strata.Tests/Sql/Corpus holds 40+ valid PostgreSQL files, each with
/// its expected split; Strata.PostgreSql.Tests' <c>PsqlEquivalenceTests</c> replays every one of them through Strata
/// and <c>psql -f</c> and compares <c>pg_dump</c> (that is the full replay, not repeated here). This class checks
/// the corpus and that wiring, and replays a random sample through the strata CLI as a real process against
/// <c>psql -v ON_ERROR_STOP=1 -f</c>, requiring identical schema and data dumps. CI: 3 files; full: all.
/// </summary>
public sealed class R18_SplitterCorpus
{
    private readonly ITestOutputHelper _output;

    public R18_SplitterCorpus(ITestOutputHelper output) => _output = output;

    private static string Corpus => Path.Combine(RepositoryPaths.Root(), "tests", "Strata.Tests", "Sql", "Corpus");

    [Fact]
    public void The_corpus_has_40_or_more_postgresql_files_each_with_its_expectation()
    {
        var files = PostgresFiles();
        files.Count.ShouldBeGreaterThanOrEqualTo(40, string.Join(", ", files));
        foreach (var file in files)
        {
            var expected = Path.ChangeExtension(Path.Combine(Corpus, file), ".expected");
            File.Exists(expected).ShouldBeTrue(file + " has no .expected");
            var sidecar = File.ReadAllText(expected);
            sidecar.ShouldContain("flavor: postgresql", Case.Sensitive, file);
            sidecar.ShouldNotContain("problem: ", Case.Sensitive, file + ": a pg_ file must be valid (problems belong in problem_ files)");
        }
    }

    [Fact]
    public void Every_postgresql_corpus_file_is_replayed_against_psql_by_the_equivalence_tests()
    {
        var splitter = Path.Combine(RepositoryPaths.Root(), "tests", "Strata.PostgreSql.Tests", "Splitter");
        var equivalence = File.ReadAllText(Path.Combine(splitter, "PsqlEquivalenceTests.cs"));
        equivalence.ShouldContain("CorpusReplayFixture.Cases()", Case.Sensitive, "the theory takes its cases from the corpus folder");
        File.ReadAllText(Path.Combine(splitter, "CorpusReplayFixture.cs")).ShouldContain("CorpusFiles.Postgres()");
        File.ReadAllText(Path.Combine(splitter, "CorpusFiles.cs")).ShouldContain("Names(\"pg_\")", Case.Sensitive, "every pg_*.sql file, found by prefix");
        File.ReadAllText(Path.Combine(splitter, "CorpusReplay.cs")).ShouldContain("\"ON_ERROR_STOP=1\"");
        File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "tests", "Strata.PostgreSql.Tests", "Strata.PostgreSql.Tests.csproj"))
            .ShouldContain(@"..\Strata.Tests\Sql\Corpus\*.sql", Case.Sensitive, "the project copies the whole corpus");
    }

    [Fact]
    public async Task A_sample_applied_by_the_strata_cli_leaves_the_same_dump_as_psql()
    {
        var files = PostgresFiles();
        var sample = ReliabilitySize.Full ? files : files.OrderBy(_ => Random.Shared.Next()).Take(3).ToList();
        var server = await PostgresServer.SharedAsync();
        var tools = await PostgresClientTools.FindAsync(server.VersionNumber);
        foreach (var file in sample)
        {
            _output.WriteLine("replaying " + file);
            using var folder = new TempDirectory();
            // The no-transaction header (a comment to psql) makes strata send statement by statement, as psql -f does.
            var bytes = File.ReadAllBytes(Path.Combine(Corpus, file));
            var bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            var newline = bytes.AsSpan().IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
            var path = folder.WriteBytes("migrations/1_" + file, [.. bytes.AsSpan(0, bom), .. Encoding.UTF8.GetBytes("-- strata:no-transaction" + newline), .. bytes.AsSpan(bom)]);
            await using var viaStrata = await server.CreateDatabaseAsync();
            await using var viaPsql = await server.CreateDatabaseAsync();

            var strata = await StrataProcess.RunAsync(folder.Path, new Dictionary<string, string> { ["DATABASE_URL"] = PostgresUrl.From(viaStrata.ConnectionString) }, Scene.RunTimeout, "migrate");
            var psql = await PostgresClientTools.RunAsync(tools.Psql, ["-v", "ON_ERROR_STOP=1", "-X", "-q", "-f", path], viaPsql.ConnectionString, folder.Path);

            psql.ExitCode.ShouldBe(0, $"{file} is not valid for psql: {psql.Describe()}");
            strata.ExitCode.ShouldBe(0, $"{file}: {strata}");
            await viaStrata.ExecuteAsync("DROP TABLE public.strata_migrations, public.strata_migrations_audit");
            (await DumpAsync(tools, viaStrata)).ShouldBe(await DumpAsync(tools, viaPsql), $"{file}: pg_dump after strata vs psql");
        }
    }

    /// <summary>Schema and rows (no owners, no privileges), comparable across two databases.</summary>
    private static async Task<string> DumpAsync(PostgresClientTools tools, TestDatabase database) =>
        await tools.DumpAsync(database.ConnectionString, database.Name, "--schema-only", "--no-owner", "--no-privileges")
        + await tools.DumpAsync(database.ConnectionString, database.Name, "--data-only", "--no-owner", "--no-privileges");

    private static List<string> PostgresFiles() =>
        Directory.GetFiles(Corpus, "pg_*.sql").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
}

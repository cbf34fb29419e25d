using Strata.Reliability.Tests.Integrity;
using Strata.TestSupport;

namespace Strata.Reliability.Tests;

/// <summary>
/// R17 — names and duplicates: near-miss names (<c>V1_x.sql</c>, <c>v2__x.sql</c>, <c>3__x.SQL</c>,
/// <c>V4__x.sql.bak</c>), two files with one version, an empty file and a folder named like a migration make every
/// command exit 2 listing every offending path, before any database is contacted. "Before connecting" is proven
/// with a PostgreSQL URL whose port only counts connections (none may arrive) and with an SQLite file that must not
/// be created. Real <c>strata</c> processes.
/// </summary>
public sealed class R17_NamesAndDuplicates
{
    /// <summary>The file names of reliability.md, each with the words its message must contain.</summary>
    private static readonly (string Path, string Message)[] ReliabilityMdNames =
    [
        ("migrations/V1_x.sql", "Flyway-style name; Strata expects 1_x.sql"),
        ("migrations/v2__x.sql", "Flyway-style name; Strata expects 2_x.sql"),
        ("migrations/3__x.SQL", "the extension is not lower-case"),
        ("migrations/V4__x.sql.bak", "only names ending in .sql are migrations"),
        ("migrations/V5__a.sql", "Flyway-style name; Strata expects 5_a.sql"),
        ("migrations/V005__b.sql", "Flyway-style name; Strata expects 005_b.sql"),
        ("migrations/6_empty.sql", "the file is empty"),
        ("migrations/7_folder.sql", "is a folder named like a migration"),
    ];

    [Fact]
    public async Task The_files_of_reliability_md_exit_2_listing_every_path_without_contacting_postgresql()
    {
        await using var recorder = new ConnectionRecorder();
        using var folder = WriteFolder(product: false);
        var variables = new Dictionary<string, string> { ["DATABASE_URL"] = recorder.Url("secret") };

        foreach (var args in Commands())
        {
            var result = await StrataProcess.RunAsync(folder.Path, variables, Scene.RunTimeout, args);
            ShouldListEveryPath(result, string.Join(' ', args), ReliabilityMdNames);
        }

        recorder.Connections.ShouldBe(0, "no command may connect before the files are valid");
    }

    [Fact]
    public async Task Two_files_with_one_version_exit_2_naming_both_paths_without_creating_the_sqlite_file()
    {
        using var folder = WriteFolder(product: true);
        var database = Path.Combine(folder.Path, "app.db");
        var variables = new Dictionary<string, string> { ["DATABASE_URL"] = "sqlite:" + database };
        (string, string)[] expected =
        [
            .. ReliabilityMdNames,
            ("migrations/005_b.sql", "version 5 is used by more than one migration: migrations/005_b.sql and migrations/5_a.sql"),
        ];

        foreach (var args in Commands())
        {
            var result = await StrataProcess.RunAsync(folder.Path, variables, Scene.RunTimeout, args);
            ShouldListEveryPath(result, string.Join(' ', args), expected);
        }

        File.Exists(database).ShouldBeFalse("the SQLite file is never opened (it would be created)");
    }

    [Fact]
    public async Task The_same_folder_is_refused_by_the_library_before_its_provider_opens_a_session()
    {
        using var folder = WriteFolder(product: true);
        var provider = new CountingProvider();
        var migrator = new Strata.Execution.Migrator(provider, new Strata.Sources.DirectoryMigrationSource(Path.Combine(folder.Path, "migrations"), folder.Path));

        var error = await Should.ThrowAsync<Strata.Errors.MigrationSourceException>(() => migrator.MigrateAsync());

        error.Problems.Count.ShouldBe(ReliabilityMdNames.Length + 1, error.Message);
        error.Problems.ShouldContain(p => p.Message.Contains("migrations/005_b.sql and migrations/5_a.sql", StringComparison.Ordinal), error.Message);
        provider.Opened.ShouldBe(0);
    }

    private static string[][] Commands() =>
    [
        ["migrate"],
        ["validate"],
        ["status"],
        ["migrate", "--dry-run"],
        ["rollback"],
        ["migrate", "--json"],
    ];

    /// <summary>The reliability.md folder (plus 5_a.sql and 005_b.sql, product.md's duplicate, when <paramref name="product"/>), README.md and meta/ that are ignored.</summary>
    private static TempDirectory WriteFolder(bool product)
    {
        var folder = new TempDirectory();
        foreach (var name in new[] { "V1_x.sql", "v2__x.sql", "3__x.SQL", "V4__x.sql.bak", "V5__a.sql", "V005__b.sql" })
        {
            folder.WriteFile("migrations/" + name, "CREATE TABLE never (id int);\n");
        }

        folder.WriteFile("migrations/6_empty.sql", "");
        Directory.CreateDirectory(Path.Combine(folder.Path, "migrations", "7_folder.sql"));
        folder.WriteFile("migrations/7_folder.sql/inside.sql", "CREATE TABLE never (id int);\n");
        folder.WriteFile("migrations/8_fine.sql", "CREATE TABLE fine (id int);\n");
        folder.WriteFile("migrations/README.md", "notes\n");
        folder.WriteFile("migrations/meta/notes.txt", "ignored\n");
        if (product)
        {
            folder.WriteFile("migrations/5_a.sql", "CREATE TABLE a (id int);\n");
            folder.WriteFile("migrations/005_b.sql", "CREATE TABLE b (id int);\n");
        }

        return folder;
    }

    private static void ShouldListEveryPath(CliResult result, string run, IEnumerable<(string Path, string Message)> expected)
    {
        result.ExitCode.ShouldBe(2, $"{run}\n{result}");
        foreach (var (path, message) in expected)
        {
            result.Stderr.ShouldContain($"{path}: {message}", Case.Sensitive, $"{run}: every offending path is listed\n{result}");
        }

        result.Stderr.ShouldNotContain("8_fine.sql", Case.Sensitive, run);
        result.Stderr.ShouldNotContain("README.md:", Case.Sensitive, run);
        result.Stderr.ShouldNotContain("meta", Case.Sensitive, run);
        result.Stderr.ShouldNotContain("cannot connect", Case.Sensitive, run);
    }

    /// <summary>A provider that only counts how often a session was asked for.</summary>
    private sealed class CountingProvider : Strata.Execution.IDialect
    {
        private int _opened;

        public int Opened => Volatile.Read(ref _opened);

        public string DisplayName => "counting";

        public Dialect Dialect => Dialect.PostgreSql;

        public Task<Strata.Execution.IDatabaseSession> OpenAsync(Strata.Execution.SessionOptions options, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _opened);
            throw new InvalidOperationException("a session was opened before the files were checked");
        }
    }
}

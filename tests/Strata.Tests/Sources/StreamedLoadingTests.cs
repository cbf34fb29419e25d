using System.Text;
using Strata.Errors;
using Strata.Sources;
using Strata.Sql;
using Strata.Tests.Sql;

namespace Strata.Tests.Sources;

/// <summary>
/// A file above the streaming threshold must load exactly as it would in memory: same checksum, sections, directives
/// and problems (same order, locations and words). Each case loads the same bytes both ways and compares.
/// </summary>
public sealed class StreamedLoadingTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusCase.Folder, "*.sql").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Corpus_files_load_alike(string name)
    {
        var corpus = CorpusCase.Load(name);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(CorpusCase.Folder, name + ".sql"));
        foreach (var chunk in new[] { 1, 7, 64 })
        {
            await ShouldLoadAlikeAsync(corpus.Dialect, chunk, ("1_corpus.sql", bytes));
        }
    }

    [Theory]
    [InlineData("SELECT 1;\n-- strata:down\nSELECT 2;\n")]
    [InlineData("-- strata:no-transaction\r\nCREATE INDEX CONCURRENTLY i ON t (a);\r\n  -- strata:down\r\n-- strata:no-transaction\r\nDROP INDEX CONCURRENTLY i;\r\n")]
    [InlineData("-- strata:env test, staging\nSELECT 1;\n-- strata:down\n")]
    [InlineData("-- strata:env\n-- strata:env a b\n-- strata:nope\nSELECT 1; -- strata:down\n-- strata:no-transaction x\nSELECT 2;\n-- strata:env late\n")]
    [InlineData("SELECT 1\n-- strata:down\n-- strata:down\nSELECT 2")]
    [InlineData("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n-- strata:down\nSTART TRANSACTION;\nROLLBACK TO s;\nrollback;\n")]
    [InlineData("-- only comments\n/* and more */\n")]
    [InlineData("-- strata:down\nSELECT 2;\n")]
    [InlineData("COPY t FROM stdin;\n1\t2\nBEGIN;\n\\.\n\\i x.sql\nCOPY u TO stdout;\nSELECT 'open\n-- strata:down\n")]
    [InlineData("COPY t FROM stdin;\n1\n\\.\nSELECT 1;\n-- strata:down\nCOPY t FROM stdin;\n\\set x 1\n\\.\n\\gset\nSELECT $$ never")]
    [InlineData("SELECT 1;\r-- strata:down\rSELECT 2;\rSELECT '\U0001F600 é';\r")]
    [InlineData("\uFEFFSELECT 1;\r\n\r\n-- strata:down\r\nDROP TABLE t;")]
    public async Task Crafted_files_load_alike(string text)
    {
        foreach (var dialect in new[] { Dialect.PostgreSql, Dialect.Sqlite })
        {
            foreach (var chunk in new[] { 1, 3, 64 })
            {
                await ShouldLoadAlikeAsync(dialect, chunk, ("1_x.sql", Encoding.UTF8.GetBytes(text)));
                await ShouldLoadAlikeAsync(dialect, chunk, ("R__x.sql", Encoding.UTF8.GetBytes(text)));
                await ShouldLoadAlikeAsync(dialect, chunk, ("1_x.up.sql", Encoding.UTF8.GetBytes(text)), ("1_x.down.sql", Encoding.UTF8.GetBytes(text)));
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x53, 0x00 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x53, 0x45, 0xE9, 0x3B, 0x00, 0x41 })]
    [InlineData(new byte[] { 0x53, 0x45, 0xE9, 0x3B, 0x41, 0xC3 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x53, 0xE2, 0x82, 0x3B })]
    [InlineData(new byte[] { 0x53, 0x00, 0x45, 0x00, 0x4C, 0x00 })]
    public async Task Refused_bytes_are_refused_alike(byte[] bytes)
    {
        foreach (var chunk in new[] { 1, 64 })
        {
            await ShouldLoadAlikeAsync(Dialect.PostgreSql, chunk, ("1_x.sql", bytes));
        }
    }

    [Fact]
    public async Task Invalid_bytes_far_into_a_file_are_found_across_read_chunks()
    {
        var prefix = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("INSERT INTO t VALUES ('é😀');\r\n", 20_000)));
        foreach (var tail in new byte[][] { [0xC3, 0x28], [0x41, 0x00], [0xF0, 0x9F, 0x98] })
        {
            await ShouldLoadAlikeAsync(Dialect.PostgreSql, StatementStream.DefaultChunk, ("1_x.sql", [.. prefix, .. tail]));
        }
    }

    [Theory]
    [InlineData(Dialect.PostgreSql)]
    [InlineData(Dialect.Sqlite)]
    public async Task Random_files_load_alike(Dialect dialect)
    {
        var random = new Random(2025);
        for (var round = 0; round < 400; round++)
        {
            var name = random.Next(5) switch { 0 => "R__x.sql", 1 => "1_x.up.sql", _ => "1_x.sql" };
            await ShouldLoadAlikeAsync(dialect, 1 + (round % 9), (name, RandomFile(random)));
        }
    }

    [Fact]
    public async Task A_streamed_script_counts_its_statements_and_reads_its_section_as_written()
    {
        var text = "-- strata:no-transaction\r\nSELECT 1;\r\nSELECT 2;\r\n-- strata:down\r\nSELECT 3;";
        var migration = (await LoadAsync(new FileLimits(0, null, 5), ("1_x.sql", Encoding.UTF8.GetBytes(text)))).ShouldHaveSingleItem();
        var up = migration.Up.ShouldBeOfType<SqlScript>();
        var down = migration.Down.ShouldBeOfType<SqlScript>();

        (up.IsStreamed, up.StatementCount, up.Transactional, up.FirstLine).ShouldBe((true, 2, false, 1));
        (down.IsStreamed, down.StatementCount, down.Transactional, down.FirstLine).ShouldBe((true, 1, false, 5), "-- strata:no-transaction in the file's header covers the down section");
        up.Sql.ShouldBe("-- strata:no-transaction\r\nSELECT 1;\r\nSELECT 2;\r\n");
        down.Sql.ShouldBe("SELECT 3;");
        up.Head(20).ShouldBe(("-- strata:no-transaction\r\n"[..20], true));
        up.Head(30).ShouldBe(("-- strata:no-transaction\r\n", true));
        down.Head(100).ShouldBe(("SELECT 3;", false));
    }

    [Fact]
    public async Task Files_over_the_maximum_size_are_refused_before_they_are_read()
    {
        var error = await Should.ThrowAsync<MigrationSourceException>(() => LoadAsync(new FileLimits(0, 10), ("1_x.sql", Encoding.UTF8.GetBytes("SELECT 1234567;"))));
        error.Problems.ShouldHaveSingleItem().ToString().ShouldBe(
            "m/1_x.sql: the file is 15 bytes, more than the maximum file size of 10 bytes; split it into smaller migrations, or raise the limit (--max-file-size, or MaxFileSize of the migration source)");
    }

    [Fact]
    public async Task A_folder_streams_files_above_the_threshold_with_the_same_checksum_and_refuses_them_once_changed()
    {
        using var folder = new TempMigrationFolder()
            .Write("1_small.sql", "SELECT 1;\r\n")
            .Write("2_large.sql", "CREATE TABLE t (a int);\r\n-- strata:down\r\nDROP TABLE t;\r\n");
        var held = await new DirectoryMigrationSource(folder.Path).LoadAsync(Dialect.PostgreSql, CancellationToken.None);
        var streamed = await new DirectoryMigrationSource(folder.Path) { StreamingThreshold = 20 }.LoadAsync(Dialect.PostgreSql, CancellationToken.None);

        streamed.Select(m => m.Checksum).ShouldBe(held.Select(m => m.Checksum));
        streamed.Select(m => ((SqlScript)m.Up).IsStreamed).ShouldBe([false, true]);
        ((SqlScript)streamed[1].Down!).Sql.ShouldBe("DROP TABLE t;\r\n");

        await File.AppendAllTextAsync(Path.Combine(folder.Path, "2_large.sql"), "-- edited\n");
        var error = Should.Throw<MigrationSourceException>(() => ((SqlScript)streamed[1].Up).OpenText().ReadToEnd());
        error.Problems.ShouldHaveSingleItem().ToString().ShouldBe(
            $"{folder.Shown("2_large.sql")}: cannot be read any more: the file has changed since the migrations were loaded; run again once the file is back as it was loaded");
    }

    [Fact]
    public async Task A_symbolic_link_is_measured_by_its_target()
    {
        using var folder = new TempMigrationFolder();
        var target = Path.Combine(folder.Path, "target.txt");
        await File.WriteAllTextAsync(target, "SELECT 1;\n" + new string('-', 1000));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "1_linked.sql"), target);

        var migration = (await new DirectoryMigrationSource(folder.Path) { StreamingThreshold = 500 }.LoadAsync(Dialect.PostgreSql, CancellationToken.None)).ShouldHaveSingleItem();

        ((SqlScript)migration.Up).IsStreamed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("good/")]
    [InlineData("bad/")]
    [InlineData(EmbeddedMigrations.DefaultNamesPrefix)]
    public async Task Embedded_resources_stream_alike(string prefix)
    {
        var held = new EmbeddedMigrationSource(EmbeddedMigrations.Assembly, prefix);
        var streamed = new EmbeddedMigrationSource(EmbeddedMigrations.Assembly, prefix) { StreamingThreshold = 0, MaxFileSize = 1 << 20 };
        var (a, heldError) = await TryAsync(() => held.LoadAsync(Dialect.PostgreSql, CancellationToken.None));
        var (b, streamedError) = await TryAsync(() => streamed.LoadAsync(Dialect.PostgreSql, CancellationToken.None));

        streamedError.ShouldBe(heldError);
        (b ?? []).Select(Describe).ShouldBe((a ?? []).Select(Describe));
        (b ?? []).ShouldAllBe(m => ((SqlScript)m.Up).IsStreamed);
    }

    [Fact]
    public void Limits_must_be_sensible()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new DirectoryMigrationSource("m") { StreamingThreshold = -1 });
        Should.Throw<ArgumentOutOfRangeException>(() => new DirectoryMigrationSource("m") { MaxFileSize = 0 });
        new DirectoryMigrationSource("m") { MaxFileSize = 5, StreamingThreshold = 0 }.MaxFileSize.ShouldBe(5);
    }

    private static string Describe(Migration m) =>
        $"{m.DisplayName}|{m.Checksum}|{m.SourcePath}|{string.Join(",", m.Environments)}|{Text(m.Up)}|{(m.Down is null ? "none" : Text(m.Down))}";

    private static string Text(MigrationScript script) => script is SqlScript sql ? $"{sql.FirstLine}|{sql.Transactional}|{sql.Sql}" : script.ToString()!;

    private static async Task<(IReadOnlyList<Migration>? Migrations, string? Error)> TryAsync(Func<Task<IReadOnlyList<Migration>>> load)
    {
        try
        {
            return (await load(), null);
        }
        catch (MigrationSourceException e)
        {
            return (null, e.Message);
        }
    }

    private static async Task ShouldLoadAlikeAsync(Dialect dialect, int chunk, params (string Name, byte[] Bytes)[] files)
    {
        var (held, heldError) = await TryLoadAsync(FileLimits.Default, dialect, files);
        var (streamed, streamedError) = await TryLoadAsync(new FileLimits(0, null, chunk), dialect, files);
        var what = $"chunk {chunk}, {dialect}, {string.Join(", ", files.Select(f => f.Name + ": " + Encoding.UTF8.GetString(f.Bytes)))}";
        streamedError.ShouldBe(heldError, what);
        if (held is null || streamed is null)
        {
            (held is null).ShouldBe(streamed is null, what);
            return;
        }

        streamed.Count.ShouldBe(held.Count, what);
        foreach (var (a, b) in held.Zip(streamed))
        {
            (b.DisplayName, b.Checksum, b.SourcePath).ShouldBe((a.DisplayName, a.Checksum, a.SourcePath), what);
            b.Environments.ShouldBe(a.Environments, what);
            ShouldMatch((SqlScript)a.Up, (SqlScript)b.Up, dialect, what);
            (b.Down is null).ShouldBe(a.Down is null, what);
            if (a.Down is SqlScript down)
            {
                ShouldMatch(down, (SqlScript)b.Down!, dialect, what);
            }
        }
    }

    private static void ShouldMatch(SqlScript held, SqlScript streamed, Dialect dialect, string what)
    {
        streamed.IsStreamed.ShouldBeTrue(what);
        (streamed.FirstLine, streamed.Transactional, streamed.SourcePath).ShouldBe((held.FirstLine, held.Transactional, held.SourcePath), what);
        using var reader = streamed.OpenText();
        reader.ReadToEnd().ShouldBe(held.Sql, what);
        streamed.StatementCount.ShouldBe(SqlSplitter.Split(held.Sql.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), dialect).Count, what);
    }

    private static async Task<(IReadOnlyList<Migration>? Migrations, string? Error)> TryLoadAsync(FileLimits limits, Dialect dialect, (string Name, byte[] Bytes)[] files)
    {
        try
        {
            return (await LoadAsync(limits, dialect, files), null);
        }
        catch (MigrationSourceException e)
        {
            return (null, e.Message);
        }
    }

    private static Task<IReadOnlyList<Migration>> LoadAsync(FileLimits limits, params (string Name, byte[] Bytes)[] files) =>
        LoadAsync(limits, Dialect.PostgreSql, files);

    private static Task<IReadOnlyList<Migration>> LoadAsync(FileLimits limits, Dialect dialect, (string Name, byte[] Bytes)[] files)
    {
        var entries = files.Select(f => new MigrationFileEntry(f.Name, "m/" + f.Name, () => f.Bytes, () => new MemoryStream(f.Bytes, writable: false), f.Bytes.Length));
        return MigrationFileLoader.LoadAsync(entries, [], dialect, limits, CancellationToken.None);
    }

    private static readonly string[] Lines =
    [
        "SELECT 1;", "-- strata:down", "  -- strata:down", "-- strata:no-transaction", "-- strata:env test", "-- strata:env", "-- strata:envy",
        "SELECT 2 -- strata:down", "BEGIN;", "COMMIT;", "COPY t FROM stdin;", "1\t2", "\\.", "\\i x.sql", ".read x", ".mode csv;", "'open",
        "$$ a", "$$;", "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;", "/* c", "*/", "", "SELECT 'é😀';", "COPY u TO stdout;", "rollback to s;",
    ];

    private static byte[] RandomFile(Random random)
    {
        var text = new StringBuilder(random.Next(4) == 0 ? "\uFEFF" : "");
        var count = random.Next(0, 14);
        for (var i = 0; i < count; i++)
        {
            text.Append(Lines[random.Next(Lines.Length)]).Append(random.Next(6) switch { 0 => "\r\n", 1 => "\r", _ => "\n" });
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

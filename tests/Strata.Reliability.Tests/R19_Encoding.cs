using System.Text;
using Strata.Reliability.Tests.Integrity;
using Strata.TestSupport;

namespace Strata.Reliability.Tests;

/// <summary>
/// R19 — encoding: a Latin-1 file (byte 0xE9), UTF-16 files (with either byte order mark, and without one) and a
/// file with a NUL byte make strata exit 2 naming each file and the byte offset, with no database contact; a valid
/// UTF-8 file with non-ASCII identifiers and comments applies, and the line and column of an error after multibyte
/// text stay right. Real <c>strata</c> processes on PostgreSQL and SQLite.
/// </summary>
public sealed class R19_Encoding
{
    private const string Sql = "-- creates t\nCREATE TABLE t (id int);\n";

    /// <summary>Each invalid file, and what its message must say (offsets counted by hand from the bytes written).</summary>
    private static readonly (string File, byte[] Bytes, string Message)[] InvalidFiles =
    [
        ("1_latin1.sql", Encoding.Latin1.GetBytes("-- caf\u00e9\nCREATE TABLE caf\u00e9 (id int);\n"), "not valid UTF-8: byte 0xE9 at byte offset 6 (Latin-1 or Windows-1252 text?); save it as UTF-8"),
        ("2_utf16le.sql", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sql)], "UTF-16 (it starts with a UTF-16 byte order mark: bytes 0xFF 0xFE at byte offset 0); save it as UTF-8"),
        ("3_utf16be.sql", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sql)], "UTF-16 (it starts with a UTF-16 byte order mark: bytes 0xFE 0xFF at byte offset 0); save it as UTF-8"),
        ("4_utf16_no_bom.sql", Encoding.Unicode.GetBytes(Sql), "looks like UTF-16 without a byte order mark (NUL byte at byte offset 1); save it as UTF-8"),
        ("5_nul.sql", [.. Encoding.UTF8.GetBytes("SELECT 1;\n-- é"), 0x00, .. Encoding.UTF8.GetBytes("\nSELECT 2;\n")], "contains a NUL byte at byte offset 15; SQL files are text, remove it"),
        ("6_latin1_late.sql", [.. Encoding.UTF8.GetBytes("-- déjà vu 日本\nSELECT 'ok';\nSELECT 'caf"), 0xE9, .. "';\n"u8], "not valid UTF-8: byte 0xE9 at byte offset 44 (Latin-1 or Windows-1252 text?); save it as UTF-8"),
    ];

    [Fact]
    public async Task Invalid_encodings_exit_2_naming_file_and_byte_offset_without_contacting_postgresql()
    {
        await using var recorder = new ConnectionRecorder();
        using var folder = WriteInvalidFiles();
        var variables = new Dictionary<string, string> { ["DATABASE_URL"] = recorder.Url() };

        foreach (var args in new[] { new[] { "migrate" }, ["validate"], ["status", "--json"] })
        {
            var result = await StrataProcess.RunAsync(folder.Path, variables, Scene.RunTimeout, args);
            ShouldNameEveryFile(result, string.Join(' ', args));
        }

        recorder.Connections.ShouldBe(0, "no database contact while any file is invalid");
    }

    [Fact]
    public async Task Invalid_encodings_exit_2_without_creating_the_sqlite_file()
    {
        using var folder = WriteInvalidFiles();
        var database = Path.Combine(folder.Path, "app.db");

        var result = await StrataProcess.RunAsync(folder.Path, new Dictionary<string, string> { ["DATABASE_URL"] = "sqlite:" + database }, Scene.RunTimeout, "migrate");

        ShouldNameEveryFile(result, "migrate");
        File.Exists(database).ShouldBeFalse();
    }

    [Fact]
    public void The_offsets_in_the_expectations_are_the_real_ones()
    {
        InvalidFiles.Single(f => f.File == "1_latin1.sql").Bytes[6].ShouldBe((byte)0xE9);
        InvalidFiles.Single(f => f.File == "4_utf16_no_bom.sql").Bytes[1].ShouldBe((byte)0x00);
        InvalidFiles.Single(f => f.File == "5_nul.sql").Bytes[15].ShouldBe((byte)0x00);
        InvalidFiles.Single(f => f.File == "6_latin1_late.sql").Bytes[44].ShouldBe((byte)0xE9);
    }

    [Theory]
    [InlineData(Engine.PostgreSql)]
    [InlineData(Engine.Sqlite)]
    public async Task Valid_utf8_with_non_ascii_identifiers_applies_and_error_positions_count_characters(Engine engine)
    {
        await using var scene = await Scene.CreateAsync(engine);
        scene.Write("001_unicode.sql", string.Join('\n',
            "-- Überschrift: 日本語のコメント 🚀🚀 — naïve café",
            "/* Ünïcödé block comment; 中文 🎉 */",
            "CREATE TABLE \"café_日本\" (\"naïve\" text DEFAULT 'Grüße 🚀', \"数量\" int);",
            "INSERT INTO \"café_日本\" (\"数量\") VALUES (1);",
            "",
            "-- strata:down",
            "DROP TABLE \"café_日本\";",
            ""));
        var failingLine = "INSERT INTO \"café_日本\" (\"数量\") VALUES (2) /* 🚀 */ RETURNIN \"数量\";";
        scene.Write("002_fails.sql", string.Join('\n',
            "-- 日本 🚀 line 1",
            "/* line 2 🎉",
            "   line 3 ü */",
            "INSERT INTO \"café_日本\" (\"数量\") VALUES (3); -- 🚀",
            failingLine,
            ""));

        var result = await scene.RunAsync("migrate");

        result.ExitCode.ShouldBe(4, result.ToString());
        result.Stdout.ShouldContain("001_unicode");
        var column = failingLine[..failingLine.IndexOf("RETURNIN", StringComparison.Ordinal)].EnumerateRunes().Count() + 1;
        result.Stderr.ShouldContain($"migrations/002_fails.sql:5:{column}", Case.Sensitive, result.ToString());
        result.Stderr.ShouldContain("5 | " + failingLine, Case.Sensitive, "the failing line is shown whole\n" + result);
        (await scene.Database.TextAsync("SELECT \"naïve\" FROM \"café_日本\"")).ShouldBe("Grüße 🚀");
        (await scene.Database.NumberAsync("SELECT count(*) FROM \"café_日本\"")).ShouldBe(1, "nothing of 002 remains");
        (await scene.Database.HistoryVersionsAsync()).ShouldBe([1L]);
    }

    private static TempDirectory WriteInvalidFiles()
    {
        var folder = new TempDirectory();
        foreach (var (file, bytes, _) in InvalidFiles)
        {
            folder.WriteBytes("migrations/" + file, bytes);
        }

        folder.WriteFile("migrations/7_valid.sql", "-- 日本 🚀\nCREATE TABLE \"naïve\" (id int);\n");
        return folder;
    }

    private static void ShouldNameEveryFile(CliResult result, string run)
    {
        result.ExitCode.ShouldBe(2, $"{run}\n{result}");
        foreach (var (file, _, message) in InvalidFiles)
        {
            var line = result.Stderr.Split('\n').SingleOrDefault(l => l.Contains($"migrations/{file}: ", StringComparison.Ordinal));
            line.ShouldNotBeNull($"{run}: {file} is named\n{result}");
            line.ShouldContain(message, Case.Sensitive, run);
            line.ShouldContain("byte offset", Case.Sensitive, $"{run}: {file}'s message gives the byte offset");
        }

        result.Stderr.ShouldNotContain("7_valid.sql", Case.Sensitive, run);
    }
}

using System.Text;
using Strata.Sources;
using Strata.Sql;

namespace Strata.Tests.Sources;

public sealed class DirectoryMigrationSourceProblemTests
{
    [Fact]
    public async Task R17_every_bad_name_duplicate_empty_file_and_folder_is_listed_together()
    {
        using var folder = new TempMigrationFolder()
            .Write("V1_x.sql", "SELECT 1;")
            .Write("v2__x.sql", "SELECT 2;")
            .Write("3__x.SQL", "SELECT 3;")
            .Write("V4__x.sql.bak", "SELECT 4;")
            .Write("V5__a.sql", "SELECT 5;")
            .Write("V005__b.sql", "SELECT 5;")
            .Write("6_empty.sql", "")
            .Folder("7_folder.sql")
            .Write("8_a.sql", "SELECT 8;")
            .Write("008_b.sql", "SELECT 8;")
            .Write("9_fine.sql", "SELECT 9;")
            .Write("README.md", "ignored");
        var problems = await folder.ProblemsAsync();
        problems.Select(p => p.Location).ShouldBe(
        [
            folder.Shown("3__x.SQL"),
            folder.Shown("7_folder.sql"),
            folder.Shown("V005__b.sql"),
            folder.Shown("V1_x.sql"),
            folder.Shown("V4__x.sql.bak"),
            folder.Shown("V5__a.sql"),
            folder.Shown("v2__x.sql"),
            folder.Shown("6_empty.sql"),
            folder.Shown("008_b.sql"),
        ],
        ignoreOrder: true);
        problems.Single(p => p.Location == folder.Shown("V005__b.sql")).Message.ShouldContain("Flyway-style name; Strata expects 005_b.sql");
        problems.Single(p => p.Location == folder.Shown("7_folder.sql")).Message.ShouldContain("folder named like a migration");
        problems.Single(p => p.Location == folder.Shown("6_empty.sql")).Message.ShouldContain("the file is empty");
        problems.Single(p => p.Location == folder.Shown("008_b.sql")).Message
            .ShouldBe($"version 8 is used by more than one migration: {folder.Shown("008_b.sql")} and {folder.Shown("8_a.sql")}; give each migration its own version");
    }

    [Fact]
    public async Task A_single_file_and_a_pair_file_with_the_same_version_name_both_paths()
    {
        using var folder = new TempMigrationFolder().Write("5_a.sql", "SELECT 1;").Write("5_a.up.sql", "SELECT 1;");
        var problem = await folder.SingleProblemAsync();
        problem.Message.ShouldContain(folder.Shown("5_a.sql"));
        problem.Message.ShouldContain(folder.Shown("5_a.up.sql"));
    }

    [Fact]
    public async Task A_down_file_alone_is_an_error()
    {
        using var folder = new TempMigrationFolder().Write("5_a.down.sql", "DROP TABLE a;");
        var problem = await folder.SingleProblemAsync();
        problem.Location.ShouldBe(folder.Shown("5_a.down.sql"));
        problem.Message.ShouldBe("this down script has no up script; add 5_a.up.sql or delete it");
    }

    [Fact]
    public async Task A_down_file_next_to_a_single_file_with_a_down_section_is_an_error()
    {
        using var folder = new TempMigrationFolder().Write("5_a.sql", "SELECT 1;\n-- strata:down\nSELECT 3;\n").Write("5_a.down.sql", "SELECT 2;");
        (await folder.SingleProblemAsync()).Message.ShouldContain("has a -- strata:down section and");
    }

    [Theory]
    [InlineData("5_b.down.sql")]
    [InlineData("005_a.down.sql")]
    public async Task A_pair_whose_names_differ_is_an_error(string downName)
    {
        using var folder = new TempMigrationFolder().Write("5_a.up.sql", "SELECT 1;").Write(downName, "SELECT 2;");
        var problem = (await folder.ProblemsAsync())[^1];
        problem.Message.ShouldBe($"{folder.Shown("5_a.up.sql")} and {folder.Shown(downName)} share version 5 but their names differ; rename the down script to 5_a.down.sql");
    }

    [Fact]
    public async Task Repeatables_whose_names_differ_only_in_case_are_duplicates()
    {
        using var folder = new TempMigrationFolder().Write("R__views.sql", "SELECT 1;").Write("R__Views.sql", "SELECT 2;");
        (await folder.SingleProblemAsync()).Message.ShouldContain($"{folder.Shown("R__Views.sql")} and {folder.Shown("R__views.sql")}");
    }

    [Fact]
    public async Task R19_encodings_are_checked_before_anything_runs()
    {
        using var folder = new TempMigrationFolder()
            .WriteBytes("1_latin1.sql", Encoding.Latin1.GetBytes("-- caf\u00e9\nSELECT 1;"))
            .WriteBytes("2_utf16.sql", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("SELECT 1;")])
            .WriteBytes("3_nul.sql", [.. Encoding.UTF8.GetBytes("SELECT 1;"), 0, .. Encoding.UTF8.GetBytes("\n")])
            .Write("4_valid.sql", "-- Überschrift 日本 😀\nCREATE TABLE \"café\" (\"naïve\" text);\n");
        var problems = await folder.ProblemsAsync();
        problems.Select(p => (p.Location, p.Message)).ShouldBe([
            (folder.Shown("1_latin1.sql"), "the file is not valid UTF-8: byte 0xE9 at byte offset 6 (Latin-1 or Windows-1252 text?); save it as UTF-8"),
            (folder.Shown("2_utf16.sql"), "the file is UTF-16 (it starts with a UTF-16 byte order mark: bytes 0xFF 0xFE at byte offset 0); save it as UTF-8"),
            (folder.Shown("3_nul.sql"), "the file contains a NUL byte at byte offset 9; SQL files are text, remove it"),
        ]);
    }

    [Fact]
    public async Task A_valid_multibyte_file_keeps_its_text_and_line_numbers()
    {
        using var folder = new TempMigrationFolder().WriteBytes("1_x.sql", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("-- é 😀\r\nSELECT '日本';\r\n-- strata:down\r\nSELECT 'ü';\r\n")]);
        var migration = (await folder.LoadAsync()).ShouldHaveSingleItem();
        migration.Up.ShouldBeOfType<SqlScript>().Sql.ShouldBe("-- é 😀\r\nSELECT '日本';\r\n");
        var down = migration.Down.ShouldBeOfType<SqlScript>();
        (down.Sql, down.FirstLine).ShouldBe(("SELECT 'ü';\r\n", 4));
    }

    [Fact]
    public async Task R15_line_endings_and_bom_do_not_change_the_checksum_but_literal_whitespace_does()
    {
        const string text = "CREATE TABLE t (a text DEFAULT 'two  spaces');\n-- strata:down\nDROP TABLE t;\n";
        var variants = new[]
        {
            Encoding.UTF8.GetBytes(text),
            Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes(text.Replace("\n", "\r", StringComparison.Ordinal)),
            [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        };
        var checksums = new List<string>();
        foreach (var bytes in variants)
        {
            using var folder = new TempMigrationFolder().WriteBytes("1_t.sql", bytes);
            checksums.Add((await folder.LoadAsync()).ShouldHaveSingleItem().Checksum);
        }

        checksums.Distinct().ShouldHaveSingleItem().ShouldBe(Checksum.Compute(text));
        using var edited = new TempMigrationFolder().Write("1_t.sql", text.Replace("two  spaces", "two   spaces", StringComparison.Ordinal));
        (await edited.LoadAsync()).ShouldHaveSingleItem().Checksum.ShouldNotBe(checksums[0]);
    }

    [Theory]
    [InlineData("-- strata:no_transaction\nSELECT 1;", 1, 1, "unknown directive -- strata:no_transaction; did you mean -- strata:no-transaction?")]
    [InlineData("-- strata:notransaction\nSELECT 1;", 1, 1, "did you mean -- strata:no-transaction?")]
    [InlineData("-- strata:environment dev\nSELECT 1;", 1, 1, "did you mean -- strata:env?")]
    [InlineData("-- strata:Down\nSELECT 1;", 1, 1, "did you mean -- strata:down?")]
    [InlineData("SELECT 1;\n-- strata:down\nSELECT 2;\n  -- strata:down\nSELECT 3;", 4, 3, "a second -- strata:down (the first is on line 2)")]
    [InlineData("SELECT 1; -- strata:down\nSELECT 2;", 1, 11, "-- strata:down must be alone on its line")]
    [InlineData("SELECT 1;\n-- strata:down now\nSELECT 2;", 2, 1, "-- strata:down takes nothing after it")]
    [InlineData("SELECT 1;\n-- strata:no-transaction\nSELECT 2;", 2, 1, "-- strata:no-transaction must be in the header, at the top of the file before the first statement")]
    [InlineData("SELECT 1;\n-- strata:down\nSELECT 2;\n-- strata:no-transaction\n", 4, 1, "must be in the header, right after -- strata:down before the first statement")]
    [InlineData("SELECT 1;\n-- strata:down\n-- strata:env test\nSELECT 2;", 3, 1, "-- strata:env belongs in the header of the up script")]
    [InlineData("-- strata:env\nSELECT 1;", 1, 1, "-- strata:env needs a comma-separated list of environments")]
    [InlineData("-- strata:env dev,,test\nSELECT 1;", 1, 1, "without empty entries")]
    [InlineData("-- strata:env dev test\nSELECT 1;", 1, 1, "'dev test' is not an environment name")]
    [InlineData("-- strata:env dev\n-- strata:env test\nSELECT 1;", 2, 1, "a second -- strata:env (the first is on line 1)")]
    [InlineData("-- strata:down\nSELECT 1;", -1, -1, "there is no SQL before -- strata:down")]
    [InlineData(" \n\t\n;\n", -1, -1, "the file contains no SQL statement (it is empty, whitespace only, or only the comments strata new writes)")]
    [InlineData("-- x: the change. Runs in a transaction; put '-- strata:no-transaction' on the first line for CREATE INDEX CONCURRENTLY.\n\n", -1, -1, "the file contains no SQL statement")]
    [InlineData("SELECT 1;\n\\i other.sql\n", 2, 1, "psql meta-command \\i is not SQL; Strata sends SQL to the server")]
    [InlineData("SELECT 1;\n-- strata:down\nSELECT 'open;\n", 3, 8, "unterminated string literal")]
    [InlineData("COPY t FROM stdin;\n1\n\\.\n", 1, 1, "COPY … FROM stdin needs psql's data stream")]
    public async Task Problems_inside_a_file_name_its_line_and_column(string text, int line, int column, string message)
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", text);
        var problem = await folder.SingleProblemAsync();
        problem.Location.ShouldBe(line < 0 ? folder.Shown("1_x.sql") : $"{folder.Shown("1_x.sql")}:{line}:{column}");
        problem.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("5_x.up.sql", "-- strata:down splits a single-file migration")]
    [InlineData("5_x.down.sql", "-- strata:down splits a single-file migration")]
    [InlineData("R__x.sql", "a repeatable migration has no down script")]
    public async Task The_down_marker_only_belongs_in_single_versioned_files(string name, string message)
    {
        using var folder = new TempMigrationFolder().Write("5_x.up.sql", "SELECT 1;").Write(name, "SELECT 1;\n-- strata:down\nSELECT 2;\n");
        var problem = (await folder.ProblemsAsync()).ShouldHaveSingleItem();
        problem.Location.ShouldBe($"{folder.Shown(name)}:2:1");
        problem.Message.ShouldContain(message);
    }

    [Fact]
    public async Task Env_in_a_down_file_is_an_error()
    {
        using var folder = new TempMigrationFolder().Write("5_x.up.sql", "SELECT 1;").Write("5_x.down.sql", "-- strata:env test\nSELECT 2;");
        (await folder.SingleProblemAsync()).Message.ShouldContain("-- strata:env belongs in the header of the up script");
    }

    [Fact]
    public async Task Every_problem_of_every_file_is_reported_in_file_and_line_order()
    {
        using var folder = new TempMigrationFolder()
            .Write("1_a.sql", "\\set x 1\nSELECT 1;\n\\i y.sql\n")
            .Write("2_b.sql", "-- strata:nope\nSELECT 'open")
            .Write("x_c.sql", "SELECT 1;");
        var problems = await folder.ProblemsAsync();
        problems.Select(p => p.Location).ShouldBe([
            folder.Shown("x_c.sql"),
            folder.Shown("1_a.sql") + ":1:1",
            folder.Shown("1_a.sql") + ":3:1",
            folder.Shown("2_b.sql") + ":1:1",
            folder.Shown("2_b.sql") + ":2:8",
        ]);
    }

    [Fact]
    public async Task Loading_a_thousand_files_keeps_every_migration_and_its_down_script()
    {
        using var folder = new TempMigrationFolder();
        for (var i = 1; i <= 1000; i++)
        {
            folder.Write($"{i:0000}_step.sql", $"-- strata:env development,test\nCREATE TABLE t{i} (id int PRIMARY KEY, note text DEFAULT 'n;{i}');\r\nINSERT INTO t{i} VALUES (1);\n-- strata:down\nDROP TABLE t{i};\n");
        }

        var migrations = await folder.LoadAsync();
        migrations.Count.ShouldBe(1000);
        migrations[999].Down.ShouldNotBeNull();
        migrations.ShouldAllBe(m => m.Environments.Count == 2);
    }
}

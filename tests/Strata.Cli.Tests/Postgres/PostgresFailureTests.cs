using System.Text;

namespace Strata.Cli.Tests.Postgres;

/// <summary>A failing migration and edited applied files on PostgreSQL: exit codes, messages, and what is left behind.</summary>
public sealed class PostgresFailureTests : PostgresCliTest
{
    private const string FailingLine = "INSERT INTO orders (id, note) SELECT 2, 'Grüße, 日本 🚀' FROM order_itemz;";

    [Fact]
    public async Task Migration_3_of_5_fails_at_its_crlf_multibyte_line_with_exit_4_and_a_rerun_after_the_fix_applies_3_to_5()
    {
        WriteFive();
        Workspace.WriteBytes("003_orders.sql", Encoding.UTF8.GetBytes(Orders(FailingLine)));
        var cli = Cli();

        var failed = await cli.RunAsync("migrate");

        failed.ExitCode.ShouldBe(4, failed.ToString());
        failed.Stdout.ShouldContain("001_a");
        failed.Stdout.ShouldContain("002_b");
        failed.Stdout.ShouldNotContain("004_d");
        var column = Column(FailingLine, "order_itemz");
        column.ShouldBe(60); // 61 in UTF-16 units: the rocket counts once
        failed.Stderr.ShouldContain($"migrations/003_orders.sql:17:{column}");
        failed.Stderr.ShouldContain("SQLSTATE 42P01");
        failed.Stderr.ShouldContain("relation \"order_itemz\" does not exist");
        var lines = failed.Stderr.Split('\n');
        var source = Array.FindIndex(lines, l => l.EndsWith("| " + FailingLine, StringComparison.Ordinal));
        source.ShouldBeGreaterThanOrEqualTo(0, "the failing source line, exactly (no stray CR):\n" + failed.Stderr);
        lines[source].ShouldStartWith("17 | ");
        var caret = lines[source + 1];
        caret.ShouldEndWith("^");
        var gutter = lines[source].IndexOf("| ", StringComparison.Ordinal) + 2;
        caret[gutter..^1].Length.ShouldBe(column - 1, "the caret stands under column " + column + ":\n" + failed.Stderr);
        caret[gutter..^1].Trim().ShouldBeEmpty();
        failed.Stderr.ShouldContain("nothing of 003_orders was applied");

        (await HistoryRowsAsync()).ShouldBe(2);
        (await Database.ScalarAsync<string>("SELECT string_agg(name, ',' ORDER BY version) FROM strata_migrations")).ShouldBe("a,b");
        (await RelationExistsAsync("public.orders")).ShouldBeFalse();
        (await RelationExistsAsync("public.orders_note")).ShouldBeFalse();
        (await RelationExistsAsync("public.d")).ShouldBeFalse();

        Workspace.WriteBytes("003_orders.sql", Encoding.UTF8.GetBytes(Orders(FailingLine.Replace("order_itemz", "orders", StringComparison.Ordinal))));
        var rerun = await cli.RunAsync("migrate");

        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        rerun.Stdout.ShouldContain("003_orders");
        rerun.Stdout.ShouldContain("004_d");
        rerun.Stdout.ShouldContain("005_e");
        rerun.Stdout.ShouldContain("Applied 3 migrations");
        (await HistoryRowsAsync()).ShouldBe(5);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM orders")).ShouldBe(2);
        (await RelationExistsAsync("public.e")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_failure_on_a_long_line_shows_that_line_whole_with_the_caret_under_the_column()
    {
        var words = string.Join(' ', Enumerable.Range(1, 40).Select(i => "wörd" + i));
        var line = $"INSERT INTO t (note) SELECT '{words}' FROM no_such_table;";
        Workspace.Write("001_t.sql", "CREATE TABLE t (note text);\n" + line + "\n");

        var failed = await Cli().RunAsync("migrate");

        failed.ExitCode.ShouldBe(4, failed.ToString());
        var column = Column(line, "no_such_table");
        failed.Stderr.ShouldContain($"migrations/001_t.sql:2:{column}");
        var lines = failed.Stderr.Split('\n');
        var source = Array.FindIndex(lines, l => l == "2 | " + line);
        source.ShouldBeGreaterThanOrEqualTo(0, "the failing line, unbroken, however long:\n" + failed.Stderr);
        lines[source + 1].ShouldBe("  | " + new string(' ', column - 1) + "^", failed.Stderr);
    }

    [Fact]
    public async Task An_edited_applied_file_stops_validate_and_migrate_with_exit_2_before_any_sql()
    {
        WriteFive();
        var cli = Cli();
        (await cli.RunAsync("migrate", "--target", "2")).ExitCode.ShouldBe(0);
        var checksum = await Database.ScalarAsync<string>("SELECT checksum FROM strata_migrations WHERE version = 2");
        Workspace.Write("002_b.sql", "CREATE TABLE b (id int, note text);\n\n-- strata:down\nDROP TABLE b;\n");
        Workspace.Write("006_later.sql", "CREATE TABLE must_not_appear (id int);\n");

        var validate = await cli.RunAsync("validate");
        var migrate = await cli.RunAsync("migrate");

        foreach (var result in new[] { validate, migrate })
        {
            result.ExitCode.ShouldBe(2, result.ToString());
            result.Stderr.ShouldContain("migrations/002_b.sql");
            result.Stderr.ShouldContain("checksum");
            result.Stderr.ShouldNotContain("001_a.sql");
        }

        migrate.Stdout.ShouldNotContain("003_orders");
        (await RelationExistsAsync("public.must_not_appear")).ShouldBeFalse();
        (await RelationExistsAsync("public.c")).ShouldBeFalse();
        (await HistoryRowsAsync()).ShouldBe(2);
        (await Database.ScalarAsync<string>("SELECT checksum FROM strata_migrations WHERE version = 2")).ShouldBe(checksum);
    }

    [Fact]
    public async Task The_same_files_saved_with_crlf_and_a_bom_still_validate_and_need_nothing()
    {
        Workspace.CopySample("postgres-timestamps");
        var cli = Cli();
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        foreach (var file in Directory.GetFiles(Workspace.Migrations))
        {
            var text = File.ReadAllText(file).Replace("\n", "\r\n", StringComparison.Ordinal);
            File.WriteAllBytes(file, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        }

        var validate = await cli.RunAsync("validate");
        var status = await cli.RunAsync("status");
        var migrate = await cli.RunAsync("migrate");

        validate.ExitCode.ShouldBe(0, validate.ToString());
        validate.Stdout.ShouldContain("valid");
        status.ExitCode.ShouldBe(0, status.ToString());
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("up to date");
    }

    /// <summary>Migration 3: CRLF line ends, multibyte comments above the statement on line 17 (given).</summary>
    private static string Orders(string line17) => string.Join("\r\n",
        "-- 003: orders — Grüße, 日本 🚀",
        "-- Ünïcödé comments above the failing line: ß, é, 日本語, 🚀🚀",
        "CREATE TABLE orders (",
        "    id bigint PRIMARY KEY,",
        "    note text NOT NULL DEFAULT 'Grüße 🚀'",
        ");",
        "",
        "/* 日本 block comment 🚀",
        "   spanning lines; with a semicolon */",
        "CREATE INDEX orders_note ON orders (note);",
        "",
        "-- Grüße 🚀 🚀 🚀",
        "INSERT INTO orders (id, note) VALUES (1, 'ok 日本');",
        "",
        "-- the next statement is line 17 (Grüße, 日本 🚀)",
        "",
        line17,
        "",
        "-- strata:down",
        "DROP TABLE orders;",
        "");

    /// <summary>The 1-based column of <paramref name="word"/> in characters (code points: 🚀 counts once).</summary>
    private static int Column(string line, string word) =>
        line[..line.IndexOf(word, StringComparison.Ordinal)].EnumerateRunes().Count() + 1;

    private void WriteFive()
    {
        foreach (var name in new[] { "001_a", "002_b", "003_orders", "004_d", "005_e" })
        {
            var table = name[4..];
            Workspace.Write(name + ".sql", $"CREATE TABLE {table} (id int);\n\n-- strata:down\nDROP TABLE {table};\n");
        }
    }
}

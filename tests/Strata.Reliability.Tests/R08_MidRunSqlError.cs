using System.Globalization;
using Strata.Reliability.Tests.Integrity;

namespace Strata.Reliability.Tests;

/// <summary>
/// R08 — mid-run SQL error: migration 3 of 5, a CRLF file with multibyte comments above, fails at file line 17.
/// <c>strata migrate</c> (a real process) exits 4 and names the file, line 17, the column (in characters), the
/// SQLSTATE (PostgreSQL) and the server's message; the history holds exactly migrations 1 and 2, nothing of
/// migration 3 exists, and a rerun after fixing the file applies 3 to 5. On PostgreSQL and SQLite.
/// </summary>
public sealed class R08_MidRunSqlError
{
    /// <summary>Fails at run time on PostgreSQL after three statements of the file ran (42P01, with a position).</summary>
    private const string PostgresFailure = "INSERT INTO orders (id, note) SELECT 2, 'Grüße, 日本 🚀' FROM order_itemz;";

    /// <summary>Fails on SQLite (a syntax error, the one SQLite error that carries a position) after three statements ran.</summary>
    private const string SqliteFailure = "INSERT INTO orders (id, note) VALUES (2, 'Grüße, 日本 🚀') RETURNIN id;";

    [Theory]
    [InlineData(Engine.PostgreSql)]
    [InlineData(Engine.Sqlite)]
    public async Task Migration_3_of_5_fails_at_line_17_exits_4_keeps_2_rows_and_the_fixed_rerun_applies_3_to_5(Engine engine)
    {
        await using var scene = await Scene.CreateAsync(engine);
        var (failingLine, word) = engine == Engine.PostgreSql ? (PostgresFailure, "order_itemz") : (SqliteFailure, "RETURNIN");
        foreach (var name in new[] { "001_a", "002_b", "004_d", "005_e" })
        {
            scene.Write(name + ".sql", $"CREATE TABLE {name[4..]} (id int);\n\n-- strata:down\nDROP TABLE {name[4..]};\n");
        }

        scene.Write("003_orders.sql", Orders(failingLine));
        var column = failingLine[..failingLine.IndexOf(word, StringComparison.Ordinal)].EnumerateRunes().Count() + 1;

        var failed = await scene.RunAsync("migrate");
        var json = await scene.RunAsync("migrate", "--json");

        failed.ExitCode.ShouldBe(4, failed.ToString());
        failed.Stdout.ShouldContain("001_a");
        failed.Stdout.ShouldContain("002_b");
        failed.Stdout.ShouldNotContain("004_d");
        failed.Stderr.ShouldContain($"migrations/003_orders.sql:17:{column}", Case.Sensitive, failed.ToString());
        failed.Stderr.Split('\n').ShouldContain("17 | " + failingLine, "the failing line is shown exactly, without a stray CR:\n" + failed.Stderr);
        if (engine == Engine.PostgreSql)
        {
            failed.Stderr.ShouldContain("SQLSTATE 42P01");
            failed.Stderr.ShouldContain("relation \"order_itemz\" does not exist");
            json.Stdout.ShouldContain("\"sqlState\": \"42P01\"");
        }
        else
        {
            failed.Stderr.ShouldContain("near \"RETURNIN\": syntax error");
        }

        failed.Stderr.ShouldContain("nothing of 003_orders was applied");
        json.ExitCode.ShouldBe(4, json.ToString());
        json.Stdout.ShouldContain("\"line\": 17");
        json.Stdout.ShouldContain($"\"column\": {column.ToString(CultureInfo.InvariantCulture)}");

        (await scene.Database.HistoryVersionsAsync()).ShouldBe([1L, 2L], "exactly the two migrations before the failure");
        (await scene.Database.TableExistsAsync("orders")).ShouldBeFalse("nothing of migration 3 remains");
        (await scene.Database.IndexExistsAsync("orders_note")).ShouldBeFalse("nothing of migration 3 remains");
        (await scene.Database.TableExistsAsync("d")).ShouldBeFalse("migration 4 never started");

        scene.Write("003_orders.sql", Orders(engine == Engine.PostgreSql
            ? PostgresFailure.Replace("order_itemz", "orders WHERE id = 1", StringComparison.Ordinal)
            : SqliteFailure.Replace(" RETURNIN id", "", StringComparison.Ordinal)));
        var rerun = await scene.RunAsync("migrate");

        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        rerun.Stdout.ShouldContain("Applied 3 migrations");
        rerun.Stdout.ShouldNotContain("001_a");
        (await scene.Database.HistoryVersionsAsync()).ShouldBe([1L, 2L, 3L, 4L, 5L]);
        (await scene.Database.NumberAsync("SELECT count(*) FROM orders")).ShouldBe(2);
        (await scene.Database.TableExistsAsync("e")).ShouldBeTrue();
    }

    /// <summary>Migration 3: CRLF line ends, multibyte comments and a multi-line block comment above <paramref name="line17"/>.</summary>
    private static string Orders(string line17)
    {
        string[] lines =
        [
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
            "",
        ];
        lines[16].ShouldBe(line17);
        return string.Join("\r\n", lines);
    }
}

using System.Text.Json;
using Strata.Cli.Tests.Postgres;
using static Strata.Cli.Tests.Lint.MeasureCases;

namespace Strata.Cli.Tests.Lint;

/// <summary>
/// <c>strata lint --measure</c> on real PostgreSQL: each pending migration runs on a scratch database in a transaction
/// that is rolled back, and the report says what PostgreSQL did (pg_locks, relfilenode, schema diff).
/// </summary>
public sealed class PostgresLintMeasureTests : PostgresCliTest
{
    [Fact]
    public async Task A_type_change_reports_a_rewrite_under_access_exclusive_and_a_constant_default_does_not_rewrite()
    {
        Workspace.Write("001_orders.sql", Orders).Write("002_total.sql", TotalBigint).Write("003_flag.sql", ConstantDefault);

        var result = await Cli().RunAsync("lint", "--measure", "--json");

        using var json = JsonDocument.Parse(result.Stdout);
        var total = Measured(json.RootElement, "002_total");
        total.GetProperty("status").GetString().ShouldBe("measured");
        Rewritten(total).ShouldBe(["table public.orders", "index public.orders_pkey"]);
        Locks(total).ShouldContain("public.orders ACCESS EXCLUSIVE");
        var rewrite = Findings(json.RootElement, "measured-rewrite", "002_total.sql").ShouldHaveSingleItem();
        rewrite.GetProperty("line").GetInt32().ShouldBe(1);
        rewrite.GetProperty("severity").GetString().ShouldBe("warning");
        rewrite.GetProperty("message").GetString()!.ShouldContain("rewrote table public.orders");

        var flag = Measured(json.RootElement, "003_flag");
        Rewritten(flag).ShouldBeEmpty();
        Locks(flag).ShouldContain("public.orders ACCESS EXCLUSIVE");
        Findings(json.RootElement, "measured-rewrite", "003_flag.sql").ShouldBeEmpty();
        Findings(json.RootElement, "measured-access-exclusive", "003_flag.sql").ShouldHaveSingleItem().GetProperty("severity").GetString().ShouldBe("note");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("measuring 3 pending migrations on a scratch database");
    }

    [Fact]
    public async Task An_index_reports_a_share_lock_a_dropped_column_comes_from_the_schema_diff_and_text_has_a_measured_block()
    {
        Workspace.Write("001_orders.sql", Orders).Write("002_tags_index.sql", TagsIndex).Write("003_drop_note.sql", DropNote);

        var result = await Cli().RunAsync("lint", "--measure");

        result.ExitCode.ShouldBe(3, "drop-column is a static error\n" + result);
        result.Stdout.ShouldContain("  measured 002_tags_index: ran in a transaction on a scratch database holding the schema before it, then rolled back");
        result.Stdout.ShouldContain("locks held at the end: table public.tags SHARE (blocks writes)");
        result.Stdout.ShouldContain("migrations/002_tags_index.sql:1:1  note  measured-blocks-writes  took SHARE on table public.tags, held until commit (writes wait)");
        result.Stdout.ShouldContain("schema changes: drop column public.orders.note (destructive)");
        result.Stdout.ShouldContain("migrations/003_drop_note.sql  warning  measured-drop  drops column public.orders.note and its data");
        result.Stdout.ShouldContain("instead: make sure no deployed version uses what is dropped");
        var block = result.Stdout.IndexOf("  measured 003_drop_note", StringComparison.Ordinal);
        block.ShouldBeGreaterThan(result.Stdout.IndexOf("003_drop_note.sql:1:1  error  drop-column", StringComparison.Ordinal), "the block follows the file's static findings");
        result.Stdout.ShouldContain("measured 3 pending migrations on a scratch database");
    }

    [Fact]
    public async Task A_no_transaction_migration_runs_for_real_without_locks_and_a_failure_stops_measuring()
    {
        Workspace.Write("001_orders.sql", Orders)
            .Write("002_concurrently.sql", Concurrently)
            .Write("003_broken.sql", "SELECT 1;\nALTER TABLE nope ADD COLUMN x int;\n-- strata:down\nSELECT 1;\n")
            .Write("004_after.sql", "CREATE TABLE later (id int);\n-- strata:down\nDROP TABLE later;\n");

        var result = await Cli().RunAsync("lint", "--measure", "--json");

        result.ExitCode.ShouldBe(3, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var concurrently = Measured(json.RootElement, "002_concurrently");
        concurrently.GetProperty("transactional").GetBoolean().ShouldBeFalse();
        concurrently.GetProperty("locksAtEnd").GetArrayLength().ShouldBe(0);
        concurrently.GetProperty("note").GetString()!.ShouldContain("no lock is left to read");
        concurrently.GetProperty("schemaChanges")[0].GetProperty("change").GetString().ShouldBe("create index public.orders_total on public.orders");
        var failed = Findings(json.RootElement, "migration-failed", "003_broken.sql").ShouldHaveSingleItem();
        failed.GetProperty("line").GetInt32().ShouldBe(2);
        failed.GetProperty("severity").GetString().ShouldBe("error");
        failed.GetProperty("message").GetString()!.ShouldContain("relation \"nope\" does not exist (SQLSTATE 42P01)");
        Measured(json.RootElement, "003_broken").GetProperty("status").GetString().ShouldBe("failed");
        Measured(json.RootElement, "004_after").GetProperty("status").GetString().ShouldBe("not-measured");
        Measured(json.RootElement, "004_after").GetProperty("note").GetString().ShouldBe("measuring stopped at 003_broken, which failed on the scratch database");
    }

    [Fact]
    public async Task Applied_migrations_are_not_measured_and_the_configured_database_is_left_as_it_was()
    {
        Workspace.Write("001_orders.sql", Orders);
        (await Cli().RunAsync("migrate")).ExitCode.ShouldBe(0);
        await Database.ExecuteAsync("INSERT INTO orders SELECT g, g FROM generate_series(1, 50) g");
        Workspace.Write("002_total.sql", TotalBigint).Write("003_drop_note.sql", DropNote);

        var result = await Cli().RunAsync("lint", "--measure", "--json");

        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("measured").EnumerateArray().Select(m => m.GetProperty("migration").GetString()).ShouldBe(["002_total", "003_drop_note"]);
        (await HistoryRowsAsync()).ShouldBe(1);
        (await Database.ScalarAsync<string>("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'total'")).ShouldBe("integer");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'")).ShouldBe(1);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM orders")).ShouldBe(50);
        await ShouldLeaveNoScratchDatabaseAsync();
    }

    [Fact]
    public async Task An_applied_migration_that_fails_on_the_scratch_database_stops_measuring_at_its_line()
    {
        Workspace.Write("001_orders.sql", Orders);
        (await Cli().RunAsync("migrate")).ExitCode.ShouldBe(0);
        Workspace.Write("001_orders.sql", Orders.Replace("CREATE TABLE tags (id int,", "CREATE TABLE tags (id intt,", StringComparison.Ordinal)).Write("002_total.sql", TotalBigint);

        var result = await Cli().RunAsync("lint", "--measure");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.ShouldContain("migrations/001_orders.sql:2:23  error  migration-failed  fails on the scratch database (applied there to reach the state before 002_total): type \"intt\" does not exist (SQLSTATE 42704)");
        result.Stdout.ShouldContain("  not measured 002_total: measuring stopped at 001_orders, which failed on the scratch database");
        result.Stdout.ShouldContain("error  edited-applied");
    }

    [Fact]
    public async Task Measured_findings_follow_suppressions_and_strata_json_severities()
    {
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), """{ "lint": { "rules": { "measured-access-exclusive": "off", "measured-rewrite": "error" } } }""");
        Workspace.Write("001_orders.sql", Orders)
            .Write("002_total.sql", "-- strata:lint-ignore alter-column-type reviewed: orders is tiny\n" + TotalBigint)
            .Write("003_flag.sql", ConstantDefault)
            .Write("004_tags_index.sql", "-- strata:lint-ignore-file measured-blocks-writes, create-index-non-concurrently\n" + TagsIndex);

        var result = await Cli().RunAsync("lint", "--measure", "--json");

        using var json = JsonDocument.Parse(result.Stdout);
        Findings(json.RootElement, "measured-rewrite", "002_total.sql").ShouldHaveSingleItem().GetProperty("severity").GetString().ShouldBe("error");
        Findings(json.RootElement, "measured-access-exclusive", "003_flag.sql").ShouldBeEmpty();
        Findings(json.RootElement, "measured-blocks-writes", "004_tags_index.sql").ShouldBeEmpty();
        json.RootElement.GetProperty("suppressed").GetInt32().ShouldBe(3);
        result.ExitCode.ShouldBe(3, result.ToString());
    }
}

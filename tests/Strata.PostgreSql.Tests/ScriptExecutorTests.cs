using Strata.Errors;
using Strata.Execution;
using Strata.History;
using Strata.Sources;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests;

[PostgresMatrix]
public sealed class ScriptExecutorTests : DialectTest
{
    private const string Path = "migrations/003_orders.sql";

    [Fact]
    public async Task A_script_and_its_history_row_commit_together_with_server_measured_time()
    {
        var session = await ReadySessionAsync();
        var script = Script("CREATE TABLE orders (id int);\nINSERT INTO orders VALUES (1);\nSELECT pg_sleep(0.2);\nSELECT '{1,2}'::int[] @> '{1}'::int[];\n");

        var outcome = await session.Executor.ExecuteAsync("003_orders", script, new HistoryInsert(Row(3, "orders")), null, CancellationToken.None);

        outcome.ShouldBe(ExecutionOutcome.Applied);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM orders")).ShouldBe(1);
        var row = (await session.History.ReadAsync(CancellationToken.None)).Single();
        row.ShouldBe(Row(3, "orders") with { ExecutionMs = row.ExecutionMs });
        row.ExecutionMs.ShouldBeInRange(200, 10_000);
    }

    [Fact]
    public async Task A_failing_third_statement_leaves_nothing_and_no_history_row()
    {
        var session = await ReadySessionAsync();
        var script = Script("CREATE TABLE one (id int);\nCREATE TABLE two (id int);\nINSERT INTO one VALUES ('not a number');\n");

        var error = await Should.ThrowAsync<MigrationFailedException>(
            () => session.Executor.ExecuteAsync("003_orders", script, new HistoryInsert(Row(3, "orders")), null, CancellationToken.None));

        error.SqlState.ShouldBe("22P02");
        error.Category.ShouldBe(ErrorCategory.MigrationFailed);
        error.Outcome.ShouldBe(ScriptFailure.RolledBack("003_orders"));
        error.Location.ShouldBe(new SourceLocation(Path, 3, 25, "INSERT INTO one VALUES ('not a number');"));
        error.Message.ShouldStartWith($"migration 003_orders failed at {Path}:3:25: SQLSTATE 22P02: invalid input syntax for type integer");
        (await Database.ListTablesAsync()).ShouldBe(["public.strata_migrations", "public.strata_migrations_audit"]);
        (await session.History.ReadAsync(CancellationToken.None)).ShouldBeEmpty();

        await session.Executor.ExecuteAsync("004_next", Script("CREATE TABLE three (id int);"), new HistoryInsert(Row(4, "next")), null, CancellationToken.None);
        (await session.History.ReadAsync(CancellationToken.None)).Single().Version.ShouldBe(4);
    }

    [Fact]
    public async Task Error_position_maps_to_file_line_and_column_in_a_crlf_file_with_multibyte_text()
    {
        var session = await ReadySessionAsync();
        var file = "-- Ünïcödé 😀 comment with emoji\r\n/* 多字节 注释 */\r\nCREATE TABLE a (id int);\r\n\r\nSELECT 'ü😀', id FROM a JOIN missing_table ON true;\r\n";

        var up = await Should.ThrowAsync<MigrationFailedException>(
            () => session.Executor.ExecuteAsync("003_orders", Script(file), new HistoryInsert(Row(3, "orders")), null, CancellationToken.None));
        var down = await Should.ThrowAsync<MigrationFailedException>(
            () => session.Executor.ExecuteAsync("003_orders", Script(file, firstLine: 20), new HistoryDelete(3, "orders"), null, CancellationToken.None));

        up.Location.ShouldBe(new SourceLocation(Path, 5, 29, "SELECT 'ü😀', id FROM a JOIN missing_table ON true;"));
        up.SqlState.ShouldBe("42P01");
        up.ServerMessage.ShouldBe("relation \"missing_table\" does not exist");
        down.Location.Line.ShouldBe(24);
        down.Location.Column.ShouldBe(29);
    }

    [Fact]
    public async Task Errors_inside_a_do_block_point_at_the_inner_query_or_the_statement_start()
    {
        var session = await ReadySessionAsync();
        var inner = Script("SELECT 1;\nDO 'BEGIN INSERT INTO nope VALUES (1); END';\n");
        var runtime = Script("SELECT 1;\n  DO 'BEGIN PERFORM 1 / 0; END';\n");

        var mapped = await Should.ThrowAsync<MigrationFailedException>(
            () => session.Executor.ExecuteAsync("003_orders", inner, new HistoryInsert(Row(3, "orders")), null, CancellationToken.None));
        var start = await Should.ThrowAsync<MigrationFailedException>(
            () => session.Executor.ExecuteAsync("003_orders", runtime, new HistoryInsert(Row(3, "orders")), null, CancellationToken.None));

        (mapped.Location.Line, mapped.Location.Column).ShouldBe((2, 23));
        (start.Location.Line, start.Location.Column, start.SqlState).ShouldBe((2, 3, "22012"));
    }

    [Fact]
    public async Task Server_detail_and_hint_reach_the_message()
    {
        var session = await ReadySessionAsync();
        var script = Script("CREATE TABLE u (id int PRIMARY KEY);\nINSERT INTO u VALUES (1), (1);\n");

        var duplicate = await Should.ThrowAsync<MigrationFailedException>(
            () => session.Executor.ExecuteAsync("003_orders", script, new HistoryInsert(Row(3, "orders")), null, CancellationToken.None));
        var concurrently = await Should.ThrowAsync<MigrationFailedException>(
            () => session.Executor.ExecuteAsync("003_orders", Script("CREATE TABLE c (id int);\nCREATE INDEX CONCURRENTLY c_id ON c (id);"), new HistoryInsert(Row(3, "orders")), null, CancellationToken.None));

        duplicate.ServerMessage.ShouldBe("duplicate key value violates unique constraint \"u_pkey\". Key (id)=(1) already exists.");
        concurrently.SqlState.ShouldBe("25001");
        concurrently.Hint.ShouldNotBeNull().ShouldContain("-- strata:no-transaction");
        concurrently.Location.Line.ShouldBe(2);
    }

    [Fact]
    public async Task A_version_recorded_meanwhile_fails_the_migration_on_the_unique_index()
    {
        var session = await ReadySessionAsync();
        await session.History.ApplyAsync(new HistoryInsert(Row(3, "orders")), CancellationToken.None);

        var error = await Should.ThrowAsync<MigrationFailedException>(
            () => session.Executor.ExecuteAsync("003_orders", Script("CREATE TABLE orders (id int);"), new HistoryInsert(Row(3, "orders")), null, CancellationToken.None));

        error.SqlState.ShouldBe("23505");
        error.ServerMessage.ShouldStartWith("while recording the migration in the history table, after its last statement: duplicate key");
        error.ServerMessage.ShouldContain("strata_migrations_vkey");
        (await Database.ListTablesAsync()).ShouldNotContain("public.orders");
    }

    [Fact]
    public async Task A_deferred_constraint_failing_at_commit_is_reported_as_such()
    {
        var session = await ReadySessionAsync();
        var script = Script(
            "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (pid int REFERENCES p DEFERRABLE INITIALLY DEFERRED);\nINSERT INTO c VALUES (1);\n",
            firstLine: 7);

        var error = await Should.ThrowAsync<MigrationFailedException>(
            () => session.Executor.ExecuteAsync("003_orders", script, new HistoryInsert(Row(3, "orders")), null, CancellationToken.None));

        error.SqlState.ShouldBe("23503");
        error.ServerMessage.ShouldStartWith("at COMMIT, after every statement had run (a deferred constraint or trigger failed): insert or update on table \"c\"");
        (error.Location.Line, error.Location.Column).ShouldBe((7, 1));
        (await Database.ListTablesAsync()).ShouldNotContain("public.p");
        (await session.History.ReadAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lost_connection_reports_the_migration_as_not_committed()
    {
        var session = await ReadySessionAsync();
        var script = Script("CREATE TABLE lost (id int);\nSELECT pg_terminate_backend(pg_backend_pid());\nCREATE TABLE after_kill (id int);\n");

        var error = await Should.ThrowAsync<DatabaseUnavailableException>(
            () => session.Executor.ExecuteAsync("004_lost", script, new HistoryInsert(Row(4, "lost")), null, CancellationToken.None));

        error.Message.ShouldContain("lost while running 004_lost; it was not committed");
        error.Category.ShouldBe(ErrorCategory.Unavailable);
        (await Database.ListTablesAsync()).ShouldBe(["public.strata_migrations", "public.strata_migrations_audit"]);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations")).ShouldBe(0);
        (await Should.ThrowAsync<DatabaseUnavailableException>(() => session.History.ReadAsync(CancellationToken.None)))
            .Message.ShouldContain("was lost earlier; cannot read the history table public.strata_migrations");
    }

    [Fact]
    public async Task Repeatables_replace_their_row_and_rollbacks_delete_theirs_with_an_audit_record()
    {
        var session = await ReadySessionAsync();
        var view = Row(null, "views", HistoryKind.Repeatable, checksum: "v1");
        await session.Executor.ExecuteAsync("R__views", Script("CREATE VIEW v AS SELECT 1 AS x;"), new HistoryInsert(view), null, CancellationToken.None);
        await session.Executor.ExecuteAsync("R__views", Script("CREATE OR REPLACE VIEW v AS SELECT 2 AS x;"), new HistoryInsert(view with { Checksum = "v2" }), null, CancellationToken.None);
        await session.Executor.ExecuteAsync("005_t", Script("CREATE TABLE t (id int);"), new HistoryInsert(Row(5, "t")), null, CancellationToken.None);

        await session.Executor.ExecuteAsync("005_t", Script("DROP TABLE t;", firstLine: 3), new HistoryDelete(5, "t", "rollback"), null, CancellationToken.None);

        (await session.History.ReadAsync(CancellationToken.None)).Select(r => r.Name + ":" + r.Checksum).ShouldBe(["views:v2"]);
        (await Database.ScalarAsync<int>("SELECT x FROM v")).ShouldBe(2);
        (await Database.ScalarAsync<string>("SELECT action || '|' || version || '|' || name FROM strata_migrations_audit")).ShouldBe("rollback|5|t");
    }

    [Fact]
    public async Task No_transaction_scripts_run_statement_by_statement_with_progress()
    {
        var session = await ReadySessionAsync();
        var script = Script(
            "CREATE TABLE big (id int);\nINSERT INTO big SELECT generate_series(1, 5000);\n\nCREATE INDEX CONCURRENTLY big_id ON big (id);\n",
            firstLine: 2,
            transactional: false);
        var progress = new List<StatementProgress>();

        await session.Executor.ExecuteStatementsAsync("006_big", script, new SynchronousProgress(progress.Add), CancellationToken.None);

        progress.ShouldBe([new StatementProgress(1, 3, 2), new StatementProgress(2, 3, 3), new StatementProgress(3, 3, 5)]);
        (await Database.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'big_id'::regclass")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_failing_no_transaction_statement_says_which_statements_stay_applied()
    {
        var session = await ReadySessionAsync();
        var script = Script("CREATE TABLE kept (id int);\nSELECT nope FROM kept;\nCREATE TABLE never (id int);\n", transactional: false);

        var error = await Should.ThrowAsync<MigrationFailedException>(
            () => session.Executor.ExecuteStatementsAsync("007_partial", script, null, CancellationToken.None));

        error.Outcome.ShouldBe(ScriptFailure.PartiallyApplied("007_partial", 2, 3));
        error.Location.ShouldBe(new SourceLocation(Path, 2, 8, "SELECT nope FROM kept;"));
        (await Database.ListTablesAsync()).ShouldContain("public.kept");
        (await Database.ListTablesAsync()).ShouldNotContain("public.never");
    }

    [Fact]
    public async Task A_lost_connection_in_a_no_transaction_script_says_what_stays_applied()
    {
        var session = await ReadySessionAsync();
        var script = Script("CREATE TABLE kept (id int);\nSELECT pg_terminate_backend(pg_backend_pid());\nCREATE TABLE never (id int);\n", transactional: false);

        var error = await Should.ThrowAsync<DatabaseUnavailableException>(
            () => session.Executor.ExecuteStatementsAsync("008_lost", script, null, CancellationToken.None));

        error.Message.ShouldContain("lost while running statement 2 of 3 of 008_lost (no transaction): statement 1 was applied and stays applied; statement 2 may or may not have taken effect");
        (await Database.ListTablesAsync()).ShouldContain("public.kept");
        (await Database.ListTablesAsync()).ShouldNotContain("public.never");
    }

    [Fact]
    public async Task Render_shows_exactly_the_transaction_that_would_be_sent()
    {
        var session = await OpenAsync();

        var text = session.Executor.Render(Script("CREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);\n"), new HistoryInsert(Row(3, "orders")));

        text.ShouldBe(
            "BEGIN;\n"
            + "SET LOCAL lock_timeout = '5000ms';\n"
            + "CREATE TABLE a (id int);\n"
            + "INSERT INTO a VALUES (1);\n"
            + "INSERT INTO \"public\".\"strata_migrations\" (version, name, kind, checksum, batch, applied_at, execution_ms, applied_by, state) "
            + "VALUES (3, 'orders', 'versioned', 'c0ffee', 1, '2024-05-06 07:08:09.123000+00'::timestamptz, "
            + "(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint, 'tester', 'succeeded');\n"
            + "COMMIT;\n");
    }

    [Fact]
    public async Task Rendered_text_runs_as_printed()
    {
        var session = await ReadySessionAsync();

        await Database.ExecuteAsync(session.Executor.Render(Script("CREATE TABLE a (id int);"), new HistoryInsert(Row(3, "it's"), "mark-applied")));

        (await session.History.ReadAsync(CancellationToken.None)).Single().Name.ShouldBe("it's");
        (await Database.ListTablesAsync()).ShouldContain("public.a");
    }

    private async Task<IDatabaseSession> ReadySessionAsync()
    {
        var session = await OpenAsync();
        await session.History.EnsureCreatedAsync(CancellationToken.None);
        return session;
    }

    /// <summary>The script as the loader builds it: the file text with CRLF and CR turned into LF.</summary>
    private static SqlScript Script(string fileText, int firstLine = 1, bool transactional = true) =>
        new(fileText.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), Path, firstLine, transactional);

    private sealed class SynchronousProgress(Action<StatementProgress> report) : IProgress<StatementProgress>
    {
        public void Report(StatementProgress value) => report(value);
    }
}

using Strata.History;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests;

[PostgresMatrix]
public sealed class HistoryStoreTests : DialectTest
{
    [Fact]
    public async Task Read_returns_empty_when_the_table_is_missing()
    {
        var session = await OpenAsync();

        (await session.History.ReadAsync(CancellationToken.None)).ShouldBeEmpty();
        (await Database.ListTablesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task EnsureCreated_makes_history_audit_and_indexes_idempotently()
    {
        var session = await OpenAsync();

        await session.History.EnsureCreatedAsync(CancellationToken.None);
        await session.History.EnsureCreatedAsync(CancellationToken.None);

        (await Database.ListTablesAsync()).ShouldBe(["public.strata_migrations", "public.strata_migrations_audit"]);
        (await Database.ScalarAsync<string>(
            "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'strata_migrations'"))
            .ShouldBe("strata_migrations_pkey,strata_migrations_rkey,strata_migrations_vkey");
        (await Database.ScalarAsync<string>(
            "SELECT string_agg(column_name || ':' || data_type || ':' || is_nullable, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'strata_migrations'"))
            .ShouldBe("id:bigint:NO,version:bigint:YES,name:text:NO,kind:text:NO,checksum:text:YES,batch:integer:NO,"
                + "applied_at:timestamp with time zone:NO,execution_ms:bigint:NO,applied_by:text:NO,state:text:NO");
    }

    [Fact]
    public async Task Inserted_rows_read_back_with_every_value_in_order()
    {
        var session = await OpenAsync();
        await session.History.EnsureCreatedAsync(CancellationToken.None);

        (await session.History.ApplyAsync(new HistoryInsert(Row(2, "second", checksum: null, kind: HistoryKind.Baseline)), CancellationToken.None)).ShouldBeTrue();
        (await session.History.ApplyAsync(new HistoryInsert(Row(null, "views", HistoryKind.Repeatable)), CancellationToken.None)).ShouldBeTrue();
        (await session.History.ApplyAsync(new HistoryInsert(Row(1, "first", state: MigrationState.Started, batch: 7)), CancellationToken.None)).ShouldBeTrue();

        var rows = await session.History.ReadAsync(CancellationToken.None);

        rows.Select(r => r.Name).ShouldBe(["first", "second", "views"]);
        rows[0].ShouldBe(Row(1, "first", state: MigrationState.Started, batch: 7));
        rows[1].ShouldBe(Row(2, "second", checksum: null, kind: HistoryKind.Baseline));
        rows[2].ShouldBe(Row(null, "views", HistoryKind.Repeatable));
    }

    [Fact]
    public async Task Inserting_an_existing_version_returns_false_and_changes_nothing()
    {
        var session = await OpenAsync();
        await session.History.EnsureCreatedAsync(CancellationToken.None);
        await session.History.ApplyAsync(new HistoryInsert(Row(1, "first")), CancellationToken.None);

        var applied = await session.History.ApplyAsync(new HistoryInsert(Row(1, "other", checksum: "beef"), "mark-applied"), CancellationToken.None);

        applied.ShouldBeFalse();
        (await session.History.ReadAsync(CancellationToken.None)).Single().Name.ShouldBe("first");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations_audit")).ShouldBe(0);
    }

    [Fact]
    public async Task Repeatable_insert_replaces_the_previous_checksum_but_not_the_same_one()
    {
        var session = await OpenAsync();
        await session.History.EnsureCreatedAsync(CancellationToken.None);
        await session.History.ApplyAsync(new HistoryInsert(Row(null, "views", HistoryKind.Repeatable, checksum: "aaa")), CancellationToken.None);

        (await session.History.ApplyAsync(new HistoryInsert(Row(null, "views", HistoryKind.Repeatable, checksum: "aaa")), CancellationToken.None)).ShouldBeFalse();
        (await session.History.ApplyAsync(new HistoryInsert(Row(null, "views", HistoryKind.Repeatable, checksum: "bbb")), CancellationToken.None)).ShouldBeTrue();

        (await session.History.ReadAsync(CancellationToken.None)).Single().Checksum.ShouldBe("bbb");
    }

    [Fact]
    public async Task Delete_removes_the_row_with_an_audit_record_and_is_false_when_missing()
    {
        var session = await OpenAsync();
        await session.History.EnsureCreatedAsync(CancellationToken.None);
        await session.History.ApplyAsync(new HistoryInsert(Row(3, "third")), CancellationToken.None);
        await session.History.ApplyAsync(new HistoryInsert(Row(null, "views", HistoryKind.Repeatable)), CancellationToken.None);

        (await session.History.ApplyAsync(new HistoryDelete(3, "third", "rollback"), CancellationToken.None)).ShouldBeTrue();
        (await session.History.ApplyAsync(new HistoryDelete(null, "views"), CancellationToken.None)).ShouldBeTrue();
        (await session.History.ApplyAsync(new HistoryDelete(3, "third", "rollback"), CancellationToken.None)).ShouldBeFalse();

        (await session.History.ReadAsync(CancellationToken.None)).ShouldBeEmpty();
        (await Database.ScalarAsync<string>("SELECT action || '|' || version || '|' || name || '|' || detail || '|' || (performed_by = current_user) FROM strata_migrations_audit"))
            .ShouldBe("rollback|3|third|history row removed|true");
    }

    [Fact]
    public async Task Finish_marks_a_started_row_succeeded_and_audits_it_by_name()
    {
        var session = await OpenAsync();
        await session.History.EnsureCreatedAsync(CancellationToken.None);
        await session.History.ApplyAsync(new HistoryInsert(Row(4, "index", state: MigrationState.Started)), CancellationToken.None);

        (await session.History.ApplyAsync(new HistoryFinish(4, 1234, "mark-applied"), CancellationToken.None)).ShouldBeTrue();
        (await session.History.ApplyAsync(new HistoryFinish(5, 1), CancellationToken.None)).ShouldBeFalse();

        var row = (await session.History.ReadAsync(CancellationToken.None)).Single();
        row.State.ShouldBe(MigrationState.Succeeded);
        row.ExecutionMs.ShouldBe(1234);
        (await Database.ScalarAsync<string>("SELECT action || '|' || name || '|' || detail FROM strata_migrations_audit"))
            .ShouldBe("mark-applied|index|started row marked succeeded (1234 ms)");
    }

    [Fact]
    public async Task Checksum_update_is_audited_with_both_values_and_false_when_missing()
    {
        var session = await OpenAsync();
        await session.History.EnsureCreatedAsync(CancellationToken.None);
        await session.History.ApplyAsync(new HistoryInsert(Row(1, "first", checksum: "old")), CancellationToken.None);
        await session.History.ApplyAsync(new HistoryInsert(Row(null, "views", HistoryKind.Repeatable, checksum: "rold")), CancellationToken.None);

        (await session.History.ApplyAsync(new HistoryChecksumUpdate(1, "first", "old", "new"), CancellationToken.None)).ShouldBeTrue();
        (await session.History.ApplyAsync(new HistoryChecksumUpdate(null, "views", "rold", "rnew"), CancellationToken.None)).ShouldBeTrue();
        (await session.History.ApplyAsync(new HistoryChecksumUpdate(9, "gone", "a", "b"), CancellationToken.None)).ShouldBeFalse();

        (await session.History.ReadAsync(CancellationToken.None)).Select(r => r.Checksum).ShouldBe(["new", "rnew"]);
        (await Database.ScalarAsync<string>("SELECT string_agg(action || '|' || coalesce(version::text, '-') || '|' || detail, ',' ORDER BY id) FROM strata_migrations_audit"))
            .ShouldBe("repair|1|checksum old -> new,repair|-|checksum rold -> rnew");
    }

    [Fact]
    public async Task Hostile_table_and_schema_names_are_created_literally()
    {
        const string hostile = "x\"; DROP TABLE canary; --";
        await Database.ExecuteAsync("CREATE TABLE canary (id int)");
        var history = new HistoryTableName(hostile, "s\"; DROP TABLE canary; --");
        var session = await OpenAsync(history);

        await session.History.EnsureCreatedAsync(CancellationToken.None);
        (await session.History.ApplyAsync(new HistoryInsert(Row(1, "it's \"quoted\""), "baseline"), CancellationToken.None)).ShouldBeTrue();
        await Database.ExecuteAsync(session.History.Render(new HistoryInsert(Row(2, "rendered \\ 'too'"))));

        (await session.History.ReadAsync(CancellationToken.None)).Select(r => r.Name).ShouldBe(["it's \"quoted\"", "rendered \\ 'too'"]);
        (await Database.ListTablesAsync()).ShouldBe([
            "public.canary",
            "s\"; DROP TABLE canary; --.x\"; DROP TABLE canary; --",
            "s\"; DROP TABLE canary; --.x\"; DROP TABLE canary; --_audit",
        ]);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = $1", hostile + "_vkey")).ShouldBe(1);
    }

    [Fact]
    public async Task History_goes_to_the_connection_default_schema_or_the_configured_one()
    {
        await Database.ExecuteAsync("CREATE SCHEMA app");
        var onSearchPath = await OpenAsync(connectionString: Database.ConnectionString + ";Search Path=app");
        var configured = await OpenAsync(new HistoryTableName("hist", "audit_zone"));

        await onSearchPath.History.EnsureCreatedAsync(CancellationToken.None);
        await configured.History.EnsureCreatedAsync(CancellationToken.None);

        (await Database.ListTablesAsync()).ShouldBe(["app.strata_migrations", "app.strata_migrations_audit", "audit_zone.hist", "audit_zone.hist_audit"]);
    }

    [Fact]
    public async Task A_read_only_role_reads_a_missing_table_as_empty_and_an_existing_one_with_select()
    {
        var role = await Database.CreateRoleAsync();
        var reader = await OpenAsync(connectionString: role.ConnectionString);
        var owner = await OpenAsync(new HistoryTableName("strata_migrations", "migr"));

        (await reader.History.ReadAsync(CancellationToken.None)).ShouldBeEmpty();
        reader.AppliedBy.ShouldBe(role.Name);

        await owner.History.EnsureCreatedAsync(CancellationToken.None);
        await owner.History.ApplyAsync(new HistoryInsert(Row(1, "first")), CancellationToken.None);
        await Database.ExecuteAsync($"GRANT USAGE ON SCHEMA migr TO {role.Name}; GRANT SELECT ON migr.strata_migrations TO {role.Name}");
        var schemaReader = await OpenAsync(new HistoryTableName("strata_migrations", "migr"), connectionString: role.ConnectionString);

        (await schemaReader.History.ReadAsync(CancellationToken.None)).Single().Name.ShouldBe("first");
    }

    [Fact]
    public async Task Creating_without_rights_fails_naming_the_table_and_the_fix()
    {
        // PostgreSQL 15+ revokes CREATE on public from PUBLIC by itself; 13 and 14 grant it, so revoke it here.
        await Database.ExecuteAsync("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        var role = await Database.CreateRoleAsync();
        var session = await OpenAsync(connectionString: role.ConnectionString);

        var error = await Should.ThrowAsync<Strata.Errors.StrataException>(() => session.History.EnsureCreatedAsync(CancellationToken.None));

        error.Message.ShouldContain("public.strata_migrations");
        error.Message.ShouldContain("42501");
        error.Hint.ShouldNotBeNull().ShouldContain("grant");
    }

    [Fact]
    public async Task Render_inlines_escaped_literals_in_one_transaction()
    {
        var session = await OpenAsync();

        var text = session.History.Render(new HistoryInsert(Row(7, "o'neil") with { Checksum = null }, "mark-applied"));

        text.ShouldBe(
            "BEGIN;\n"
            + "INSERT INTO \"public\".\"strata_migrations\" (version, name, kind, checksum, batch, applied_at, execution_ms, applied_by, state) "
            + "VALUES (7, 'o''neil', 'versioned', NULL, 1, '2024-05-06 07:08:09.123000+00'::timestamptz, 42, 'tester', 'succeeded') ON CONFLICT (version) DO NOTHING;\n"
            + "INSERT INTO \"public\".\"strata_migrations_audit\" (at, action, version, name, detail, performed_by) "
            + "VALUES (now(), 'mark-applied', 7, 'o''neil', 'versioned succeeded checksum -', current_user);\n"
            + "COMMIT;\n");
    }

    [Fact]
    public async Task Rendered_changes_run_as_they_are_printed()
    {
        var session = await OpenAsync();
        await session.History.EnsureCreatedAsync(CancellationToken.None);
        await session.History.ApplyAsync(new HistoryInsert(Row(1, "first", state: MigrationState.Started)), CancellationToken.None);

        await Database.ExecuteAsync(session.History.Render(new HistoryFinish(1, 99, "mark-applied")));
        await Database.ExecuteAsync(session.History.Render(new HistoryChecksumUpdate(1, "first", "c0ffee", "d00d")));

        var row = (await session.History.ReadAsync(CancellationToken.None)).Single();
        (row.State, row.ExecutionMs, row.Checksum).ShouldBe((MigrationState.Succeeded, 99L, "d00d"));
        (await Database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations_audit")).ShouldBe(2);
    }
}

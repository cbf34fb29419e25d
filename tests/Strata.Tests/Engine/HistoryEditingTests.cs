using Strata.Errors;
using Strata.History;
using Strata.Planning;

namespace Strata.Tests.Engine;

/// <summary>baseline, mark-applied, mark-rolled-back and repair: audited history changes under the lock; no database.</summary>
public sealed class HistoryEditingTests
{
    private static IReadOnlyList<MigrationReference> Refs(params string[] texts) => [.. texts.Select(MigrationReference.Parse)];

    [Fact]
    public async Task A_baseline_starts_an_empty_history_and_covers_the_versions_below_it()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b").Add(3, "c");
        var dialect = new RecordingDialect();

        var edits = await Engine.Migrator(dialect, set).BaselineAsync(2);
        var status = await Engine.Migrator(dialect, set).GetStatusAsync();

        edits.ShouldHaveSingleItem().ShouldBe(new Execution.HistoryEdit("002_b", "baseline", "migrations up to 2 count as applied"));
        dialect.Calls.Take(5).ShouldBe(["open:Create", "lock", "ensure-created", "read", "history:insert 2 baseline"]);
        dialect.Audit.ShouldBe(["baseline 2"]);
        status.Entries.Select(e => e.Status).ShouldBe([MigrationStatusKind.Baselined, MigrationStatusKind.Baselined, MigrationStatusKind.Pending]);
    }

    [Fact]
    public async Task A_baseline_on_a_history_that_has_rows_is_refused()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1);

        var error = await Should.ThrowAsync<StrataException>(() => Engine.Migrator(dialect, set).BaselineAsync(2));

        error.Message.ShouldBe("the history already records 1 migration(s) (newest 001_a); a baseline only starts an empty history");
        dialect.Rows.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Mark_applied_records_pending_migrations_without_running_them_and_finishes_unfinished_ones()
    {
        var set = new InMemoryMigrations().Add(1, "index", transactional: false).Add(2, "b");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1, state: MigrationState.Started);

        var edits = await Engine.Migrator(dialect, set).MarkAppliedAsync(Refs("1", "002_b"));

        edits.Select(e => e.Detail).ShouldBe(["unfinished run recorded as finished", "recorded as applied without running"]);
        dialect.CallsOf("history").ShouldBe(["history:finish 1", "history:insert 2 marked"]);
        dialect.CallsOf("run").ShouldBeEmpty();
        dialect.Audit.ShouldBe(["mark-applied 1", "mark-applied 2"]);
        dialect.Rows.ShouldAllBe(r => r.State == MigrationState.Succeeded);
    }

    [Fact]
    public async Task Mark_applied_refuses_an_applied_or_edited_migration_with_the_right_command()
    {
        var set = new InMemoryMigrations().Add(1, "a");
        var dialect = new RecordingDialect();
        dialect.Row(1, "a");

        var error = await Should.ThrowAsync<StrataException>(() => Engine.Migrator(dialect, set).MarkAppliedAsync(Refs("1")));

        error.Message.ShouldBe("001_a is applied and edited since; only pending or unfinished migrations can be marked applied");
        error.Hint.ShouldBe("to accept an edited file, run `strata repair`");
    }

    [Fact]
    public async Task Unknown_versions_are_all_listed_and_nothing_is_written()
    {
        var set = new InMemoryMigrations().Add(1, "a");
        var dialect = new RecordingDialect();

        var error = await Should.ThrowAsync<ValidationException>(() => Engine.Migrator(dialect, set).MarkAppliedAsync(Refs("1", "7", "R__nope")));

        error.Problems.Select(p => p.Location).ShouldBe(["7", "R__nope"]);
        dialect.CallsOf("history").ShouldBeEmpty();
    }

    [Fact]
    public async Task Mark_rolled_back_removes_rows_without_running_down_scripts()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1);
        dialect.Applied(set, 2);

        var edits = await Engine.Migrator(dialect, set).MarkRolledBackAsync(Refs("2"));

        edits.ShouldHaveSingleItem().Action.ShouldBe("mark-rolled-back");
        dialect.Rows.Select(r => r.Version).ShouldBe([1L]);
        dialect.Audit.ShouldBe(["mark-rolled-back 2"]);
        dialect.CallsOf("run").ShouldBeEmpty();
    }

    [Fact]
    public async Task Repair_accepts_each_edited_file_and_audits_both_checksums()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b").Add(3, "c");
        var dialect = new RecordingDialect();
        dialect.Row(1, "a", checksum: "aaaaaaaaaaaaaaaa-old");
        dialect.Applied(set, 2);
        dialect.Row(3, "c", checksum: "cccccccccccccccc-old");

        var edits = await Engine.Migrator(dialect, set).RepairAsync();

        edits.Select(e => e.Migration).ShouldBe(["001_a", "003_c"]);
        edits[0].Detail.ShouldStartWith("checksum aaaaaaaaaaaa -> ");
        dialect.Audit.ShouldBe(["repair 1", "repair 3"]);
        (await Engine.Migrator(dialect, set).GetStatusAsync()).IsClean.ShouldBeTrue();
    }

    [Fact]
    public async Task Repair_refuses_a_renamed_file_naming_the_old_name()
    {
        var set = new InMemoryMigrations().Add(1, "renamed");
        var dialect = new RecordingDialect();
        var row = dialect.Applied(set, 1);
        dialect.Rows[0] = row with { Name = "original" };

        var error = await Should.ThrowAsync<StrataException>(() => Engine.Migrator(dialect, set).RepairAsync());

        error.Hint.ShouldBe("rename the file back to 1_original");
    }

    [Fact]
    public async Task An_edit_whose_row_changed_meanwhile_is_refused_naming_the_migration()
    {
        var set = new InMemoryMigrations().Add(1, "a");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1);
        dialect.StaleHistory = [.. dialect.Rows];
        dialect.Rows.Clear();

        var error = await Should.ThrowAsync<StrataException>(() => Engine.Migrator(dialect, set).MarkRolledBackAsync(Refs("1")));

        error.Message.ShouldBe("001_a: the history changed while this ran (another process?); nothing was changed for it");
        dialect.Audit.ShouldBeEmpty();
    }
}

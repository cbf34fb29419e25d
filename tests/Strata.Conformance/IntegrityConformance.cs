using Strata.Errors;
using Strata.History;
using Strata.Planning;

namespace Strata.Conformance;

/// <summary>Files versus history: edited, missing and out-of-order migrations, and the explicit repair commands.</summary>
public abstract class IntegrityConformance(IConformanceTarget target) : ConformanceBase(target)
{
    [Fact]
    public async Task An_edited_applied_migration_stops_validate_and_migrate_before_any_sql_runs()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables();
        await Migrator(db, set).MigrateAsync(new MigrateOptions { Target = 2 });
        set.Add(1, "create_t1", "CREATE TABLE t1 (id INTEGER PRIMARY KEY, name TEXT, extra TEXT);", "DROP TABLE t1;");

        var validate = await Should.ThrowAsync<ValidationException>(() => Migrator(db, set).ValidateAsync());
        var migrate = await Should.ThrowAsync<ValidationException>(() => Migrator(db, set).MigrateAsync());

        validate.Category.ShouldBe(ErrorCategory.BadInput);
        migrate.Problems.Single().Location.ShouldBe("migrations/001_create_t1.sql");
        migrate.Problems.Single().Message.ShouldContain("checksum");
        (await db.TableExistsAsync("t3")).ShouldBeFalse();
    }

    [Fact]
    public async Task Repair_accepts_the_edited_checksum_and_writes_an_audit_row()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables();
        await Migrator(db, set).MigrateAsync();
        set.Add(2, "create_t2", "CREATE TABLE t2 (id INTEGER PRIMARY KEY); -- edited comment\nINSERT INTO t2 (id) VALUES (1);", "DROP TABLE t2;");

        var edits = await Migrator(db, set).RepairAsync();

        edits.Single().Action.ShouldBe("repair");
        (await Migrator(db, set).ValidateAsync()).IsClean.ShouldBeTrue();
        (await db.ScalarAsync("SELECT count(*) FROM strata_migrations_audit WHERE action = 'repair'")).ShouldBe(1);
    }

    [Fact]
    public async Task A_deleted_applied_file_blocks_migrate_unless_ignored()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables();
        await Migrator(db, set).MigrateAsync(new MigrateOptions { Target = 2 });
        set.Remove(1);

        var error = await Should.ThrowAsync<ValidationException>(() => Migrator(db, set).MigrateAsync());
        error.Problems.Single().Message.ShouldContain("no longer in the migrations folder");
        (await Migrator(db, set).GetStatusAsync()).Entries[0].Status.ShouldBe(MigrationStatusKind.Missing);

        (await Migrator(db, set).MigrateAsync(new MigrateOptions { IgnoreMissing = true })).Applied.Single().Version.ShouldBe(3);
    }

    [Fact]
    public async Task An_out_of_order_migration_is_refused_unless_allowed()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables().Remove(2);
        await Migrator(db, set).MigrateAsync();
        set.Add(2, "late", "CREATE TABLE t2 (id INTEGER);");

        var error = await Should.ThrowAsync<ValidationException>(() => Migrator(db, set).MigrateAsync());
        error.Message.ShouldContain("--allow-out-of-order");

        var result = await Migrator(db, set).MigrateAsync(new MigrateOptions { AllowOutOfOrder = true });
        result.Applied.Single().Version.ShouldBe(2);
    }

    [Fact]
    public async Task An_unfinished_no_transaction_migration_stops_the_next_run_until_a_person_resolves_it()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables().Add(4, "two_steps", "CREATE TABLE t4 (id INTEGER);\nINSERT INTO no_such_table VALUES (1);", "DROP TABLE t4;", transactional: false);

        var failure = await Should.ThrowAsync<MigrationFailedException>(() => Migrator(db, set).MigrateAsync());
        failure.Hint!.ShouldContain("strata mark-applied 4");
        failure.Outcome.ShouldContain("statements 1-1 of 2 were applied");
        (await ReadHistoryAsync(db)).Single(r => r.Version == 4).State.ShouldBe(MigrationState.Started);

        var blocked = await Should.ThrowAsync<ValidationException>(() => Migrator(db, set).MigrateAsync());
        blocked.Message.ShouldContain("strata mark-rolled-back 4");
        (await Migrator(db, set).GetStatusAsync()).Entries.Single(e => e.Version == 4).Status.ShouldBe(MigrationStatusKind.Unfinished);

        await db.ExecuteAsync("DROP TABLE t4");
        (await Migrator(db, set).MarkRolledBackAsync([MigrationReference.Parse("4")])).Single().Action.ShouldBe("mark-rolled-back");
        set.Add(4, "two_steps", "CREATE TABLE t4 (id INTEGER);\nCREATE INDEX t4_id ON t4 (id);", "DROP TABLE t4;", transactional: false);
        (await Migrator(db, set).MigrateAsync()).Applied.Single().Version.ShouldBe(4);
        (await db.ScalarAsync("SELECT count(*) FROM strata_migrations_audit WHERE action = 'mark-rolled-back'")).ShouldBe(1);
    }

    [Fact]
    public async Task Mark_applied_records_without_running_and_finishes_unfinished_rows()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables();

        await Migrator(db, set).MarkAppliedAsync([MigrationReference.Parse("001_create_t1"), MigrationReference.Parse("2")]);

        (await db.TableExistsAsync("t1")).ShouldBeFalse();
        (await ReadHistoryAsync(db)).Where(r => r.Version <= 2).ShouldAllBe(r => r.Kind == HistoryKind.Marked);
        (await Migrator(db, set).MigrateAsync()).Applied.Single().Version.ShouldBe(3);
        await Should.ThrowAsync<StrataException>(() => Migrator(db, set).MarkAppliedAsync([MigrationReference.Parse("3")]));
        await Should.ThrowAsync<ValidationException>(() => Migrator(db, set).MarkAppliedAsync([MigrationReference.Parse("9")]));
    }

    [Fact]
    public async Task Baseline_counts_older_migrations_as_applied()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t1 (id INTEGER PRIMARY KEY, name TEXT)");
        await db.ExecuteAsync("CREATE TABLE t2 (id INTEGER PRIMARY KEY)");
        var set = ThreeTables();

        await Migrator(db, set).BaselineAsync(2);
        var status = await Migrator(db, set).GetStatusAsync();
        status.Entries.Take(2).ShouldAllBe(e => e.Status == MigrationStatusKind.Baselined);

        (await Migrator(db, set).MigrateAsync()).Applied.Single().Version.ShouldBe(3);
        await Should.ThrowAsync<StrataException>(() => Migrator(db, set).BaselineAsync(3));
        await Should.ThrowAsync<ValidationException>(() => Migrator(db, set).RollbackAsync(new RollbackOptions { ToVersion = 0 }));
    }

    [Fact]
    public async Task A_hostile_history_table_name_is_created_literally_and_injects_nothing()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE canary (id INTEGER)");
        var hostile = new HistoryTableName("x\"; DROP TABLE canary; --");

        await Migrator(db, ThreeTables(), history: hostile).MigrateAsync();

        (await db.TableExistsAsync("canary")).ShouldBeTrue();
        (await db.TableExistsAsync("x\"; DROP TABLE canary; --")).ShouldBeTrue();
        (await ReadHistoryAsync(db, hostile)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Status_reports_every_kind_of_drift()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables();
        await Migrator(db, set).MigrateAsync(new MigrateOptions { Target = 2 });
        set.Add(2, "create_t2", "CREATE TABLE t2 (id INTEGER PRIMARY KEY); -- edited", "DROP TABLE t2;");

        var status = await Migrator(db, set).GetStatusAsync();

        status.Entries.Select(e => e.Status).ShouldBe([MigrationStatusKind.Applied, MigrationStatusKind.Changed, MigrationStatusKind.Pending]);
        status.IsClean.ShouldBeFalse();
    }
}

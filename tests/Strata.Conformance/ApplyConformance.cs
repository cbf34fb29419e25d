using Strata.Errors;
using Strata.Execution;
using Strata.History;
using Strata.Planning;

namespace Strata.Conformance;

/// <summary>Applying migrations: order, history, atomicity, no-ops, targets, dry runs.</summary>
public abstract class ApplyConformance(IConformanceTarget target) : ConformanceBase(target)
{
    [Fact]
    public async Task Migrate_applies_pending_migrations_in_order_and_records_them()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var result = await Migrator(db, ThreeTables()).MigrateAsync();

        result.Applied.Select(s => s.Version).ShouldBe([1L, 2L, 3L]);
        (await db.TableExistsAsync("t3")).ShouldBeTrue();
        (await db.ScalarAsync("SELECT count(*) FROM t2")).ShouldBe(1);
        var rows = await ReadHistoryAsync(db);
        rows.Select(r => r.Version).ShouldBe([1L, 2L, 3L]);
        rows.ShouldAllBe(r => r.Batch == 1 && r.State == MigrationState.Succeeded && r.Kind == HistoryKind.Versioned);
        rows.ShouldAllBe(r => r.Checksum!.Length == 64 && r.AppliedBy.Length > 0);
    }

    [Fact]
    public async Task A_second_migrate_is_a_no_op()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await Migrator(db, ThreeTables()).MigrateAsync();
        var again = await Migrator(db, ThreeTables()).MigrateAsync();

        again.NothingToDo.ShouldBeTrue();
        (await ReadHistoryAsync(db)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_of_itself_and_a_rerun_after_the_fix_completes()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables()
            .Add(3, "broken", "CREATE TABLE t3 (id INTEGER);\nINSERT INTO no_such_table (id) VALUES (1);")
            .Add(4, "create_t4", "CREATE TABLE t4 (id INTEGER);")
            .Add(5, "create_t5", "CREATE TABLE t5 (id INTEGER);");

        var error = await Should.ThrowAsync<MigrationFailedException>(() => Migrator(db, set).MigrateAsync());

        error.Category.ShouldBe(ErrorCategory.MigrationFailed);
        error.Migration.ShouldBe("003_broken");
        error.Location.Path.ShouldBe("migrations/003_broken.sql");
        error.Location.Line.ShouldBe(2);
        error.Location.LineText.ShouldContain("no_such_table");
        error.ServerMessage.ShouldContain("no_such_table");
        (await AppliedVersionsAsync(db)).ShouldBe([1L, 2L]);
        (await db.TableExistsAsync("t3")).ShouldBeFalse();
        (await db.TableExistsAsync("t4")).ShouldBeFalse();

        set.Add(3, "broken", "CREATE TABLE t3 (id INTEGER);");
        var rerun = await Migrator(db, set).MigrateAsync();

        rerun.Applied.Select(s => s.Version).ShouldBe([3L, 4L, 5L]);
        (await ReadHistoryAsync(db)).Where(r => r.Version >= 3).ShouldAllBe(r => r.Batch == 2);
    }

    [Fact]
    public async Task Target_applies_up_to_and_including_that_version()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await Migrator(db, ThreeTables()).MigrateAsync(new MigrateOptions { Target = 2 });

        (await AppliedVersionsAsync(db)).ShouldBe([1L, 2L]);
        await Should.ThrowAsync<StrataException>(() => Migrator(db, ThreeTables()).MigrateAsync(new MigrateOptions { Target = 7 }));
    }

    [Fact]
    public async Task Dry_run_renders_the_exact_sql_and_changes_nothing()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var plan = await Migrator(db, ThreeTables()).PlanAsync(new MigrateOptions());

        plan.Steps.Count.ShouldBe(3);
        plan.Steps[1].Sql!.ShouldContain("INSERT INTO t2 (id) VALUES (1)");
        plan.Steps[1].Sql!.ShouldContain("strata_migrations");
        (await db.TableExistsAsync("t1")).ShouldBeFalse();
        (await db.TableExistsAsync("strata_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task No_transaction_migrations_run_statement_by_statement_and_finish_their_row()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = new MigrationSet()
            .Add(1, "create_t1", "CREATE TABLE t1 (id INTEGER);")
            .Add(2, "index_t1", "CREATE INDEX t1_id ON t1 (id);\nCREATE TABLE t2 (id INTEGER);", transactional: false);
        var statements = new List<StatementProgress>();

        await Migrator(db, set, observer: new Recorder(statements)).MigrateAsync();

        statements.Select(p => p.Index).ShouldBe([1, 2]);
        var rows = await ReadHistoryAsync(db);
        rows.Single(r => r.Version == 2).State.ShouldBe(MigrationState.Succeeded);
    }

    [Fact]
    public async Task Environment_restricted_migrations_run_only_in_their_environments()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables().Add(4, "seed_demo", "INSERT INTO t1 (id, name) VALUES (1, 'demo');", "DELETE FROM t1;", environments: ["development", "test"]);

        await Migrator(db, set, environment: "production").MigrateAsync();
        (await db.ScalarAsync("SELECT count(*) FROM t1")).ShouldBe(0);
        var status = await Migrator(db, set, environment: "production").GetStatusAsync();
        status.Entries.Single(e => e.Version == 4).Status.ShouldBe(MigrationStatusKind.Skipped);
        status.IsClean.ShouldBeTrue();

        await Migrator(db, set, environment: "test").MigrateAsync();
        (await db.ScalarAsync("SELECT count(*) FROM t1")).ShouldBe(1);
    }

    [Fact]
    public async Task Environment_restricted_migrations_wait_while_no_environment_is_set()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables().Add(4, "seed_demo", "INSERT INTO t1 (id, name) VALUES (1, 'demo');", "DELETE FROM t1;", environments: ["development"]);
        var unset = new Migrator(db.Provider(), set, new MigratorOptions { LockTimeout = TimeSpan.FromSeconds(30), History = History });

        new MigratorOptions().Environment.ShouldBe("development");
        new MigratorOptions().EnvironmentIsSet.ShouldBeFalse();
        await unset.MigrateAsync();
        (await db.ScalarAsync("SELECT count(*) FROM t1")).ShouldBe(0);
        var skipped = (await unset.GetStatusAsync()).Entries.Single(e => e.Version == 4);
        skipped.Status.ShouldBe(MigrationStatusKind.Skipped);
        skipped.Detail.ShouldBe("only in development; no environment was set");

        await Migrator(db, set, environment: "development").MigrateAsync();
        (await db.ScalarAsync("SELECT count(*) FROM t1")).ShouldBe(1);
    }

    [Fact]
    public async Task Repeatables_run_after_versioned_migrations_and_again_when_changed()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables().Repeatable("views", "CREATE VIEW v1 AS SELECT id FROM t1;");

        var first = await Migrator(db, set).MigrateAsync();
        first.Applied[^1].Migration.ShouldBe("R__views");
        (await Migrator(db, set).MigrateAsync()).NothingToDo.ShouldBeTrue();

        set.Repeatable("views", "DROP VIEW IF EXISTS v1;\nCREATE VIEW v1 AS SELECT id, name FROM t1;");
        (await Migrator(db, set).GetStatusAsync()).Entries.Single(e => e.IsRepeatable).Status.ShouldBe(MigrationStatusKind.Outdated);
        var second = await Migrator(db, set).MigrateAsync();

        second.Applied.Select(s => s.Migration).ShouldBe(["R__views"]);
        (await ReadHistoryAsync(db)).Count(r => r.Kind == HistoryKind.Repeatable).ShouldBe(1);
    }

    private sealed class Recorder(List<StatementProgress> statements) : IMigrationObserver
    {
        public void OnStatementFinished(MigrationStep migrationStep, StatementProgress progress) => statements.Add(progress);
    }
}

using Strata.Errors;
using Strata.History;
using Strata.Planning;

namespace Strata.Conformance;

/// <summary>Reverting migrations: by batch, by count, to a version; refusing when a down script is missing.</summary>
public abstract class RollbackConformance(IConformanceTarget target) : ConformanceBase(target)
{
    [Fact]
    public async Task Rollback_reverts_the_last_batch_newest_first()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables();
        await Migrator(db, set).MigrateAsync(new MigrateOptions { Target = 1 });
        await Migrator(db, set).MigrateAsync();

        var result = await Migrator(db, set).RollbackAsync();

        result.Applied.Select(s => s.Version).ShouldBe([3L, 2L]);
        result.Batch.ShouldBe(2);
        (await AppliedVersionsAsync(db)).ShouldBe([1L]);
        (await db.TableExistsAsync("t2")).ShouldBeFalse();
        (await db.TableExistsAsync("t1")).ShouldBeTrue();
    }

    [Fact]
    public async Task Rollback_by_steps_and_to_a_version()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables().Add(4, "create_t4", "CREATE TABLE t4 (id INTEGER);", "DROP TABLE t4;");
        await Migrator(db, set).MigrateAsync();

        (await Migrator(db, set).RollbackAsync(new RollbackOptions { Steps = 1 })).Applied.Select(s => s.Version).ShouldBe([4L]);
        (await Migrator(db, set).RollbackAsync(new RollbackOptions { ToVersion = 1 })).Applied.Select(s => s.Version).ShouldBe([3L, 2L]);
        (await AppliedVersionsAsync(db)).ShouldBe([1L]);
        (await Migrator(db, set).RollbackAsync(new RollbackOptions { ToVersion = 0 })).Applied.Count.ShouldBe(1);
        (await db.TableExistsAsync("t1")).ShouldBeFalse();
    }

    [Fact]
    public async Task Rollback_refuses_before_doing_anything_when_a_down_script_is_missing()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables().Add(2, "no_down", "CREATE TABLE t2 (id INTEGER);");
        await Migrator(db, set).MigrateAsync();

        var error = await Should.ThrowAsync<ValidationException>(() => Migrator(db, set).RollbackAsync(new RollbackOptions { Steps = 2 }));

        error.Problems.Single().Location.ShouldBe("migrations/002_no_down.sql");
        error.Message.ShouldContain("no down script");
        (await AppliedVersionsAsync(db)).ShouldBe([1L, 2L, 3L]);
        (await db.TableExistsAsync("t3")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_failing_down_script_leaves_the_migration_applied()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables().Add(3, "create_t3", "CREATE TABLE t3 (id INTEGER);", "DROP TABLE t3;\nDROP TABLE no_such_table;");
        await Migrator(db, set).MigrateAsync();

        var error = await Should.ThrowAsync<MigrationFailedException>(() => Migrator(db, set).RollbackAsync(new RollbackOptions { Steps = 1 }));

        error.Location.Line.ShouldBe(101);
        (await AppliedVersionsAsync(db)).ShouldBe([1L, 2L, 3L]);
        (await db.TableExistsAsync("t3")).ShouldBeTrue();
    }

    [Fact]
    public async Task Rollback_to_an_unapplied_version_is_refused()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await Migrator(db, ThreeTables()).MigrateAsync();

        var error = await Should.ThrowAsync<StrataException>(() => Migrator(db, ThreeTables()).RollbackAsync(new RollbackOptions { ToVersion = 9 }));

        error.Category.ShouldBe(ErrorCategory.BadInput);
        (await AppliedVersionsAsync(db)).Length.ShouldBe(3);
    }

    [Fact]
    public async Task Rolled_back_migrations_are_pending_again_and_reapply()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await Migrator(db, ThreeTables()).MigrateAsync();
        await Migrator(db, ThreeTables()).RollbackAsync(new RollbackOptions { Steps = 1 });

        var status = await Migrator(db, ThreeTables()).GetStatusAsync();
        status.Entries.Single(e => e.Version == 3).Status.ShouldBe(MigrationStatusKind.Pending);
        (await Migrator(db, ThreeTables()).MigrateAsync()).Applied.Single().Version.ShouldBe(3);
        (await ReadHistoryAsync(db)).Single(r => r.Version == 3).Batch.ShouldBe(2);
        (await ReadHistoryAsync(db)).ShouldAllBe(r => r.Kind == HistoryKind.Versioned);
    }
}

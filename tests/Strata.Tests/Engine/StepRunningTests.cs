using Strata.Errors;
using Strata.Execution;
using Strata.History;
using Strata.Planning;

namespace Strata.Tests.Engine;

/// <summary>How the engine runs steps: lock, history, transaction shape, batches, skips and failures; no database.</summary>
public sealed class StepRunningTests
{
    [Fact]
    public async Task Migrate_runs_each_transactional_step_with_its_history_row_under_one_lock()
    {
        var dialect = new RecordingDialect();
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b").Repeatable("views");

        var result = await Engine.Migrator(dialect, set).MigrateAsync();

        dialect.Calls.ShouldBe([
            "open:Create", "read", "lock", "ensure-created", "read",
            "run:001_a:insert 1", "run:002_b:insert 2", "run:R__views:insert R__views", "unlock", "close"]);
        result.Applied.Select(s => s.Migration).ShouldBe(["001_a", "002_b", "R__views"]);
        result.Batch.ShouldBe(1);
        result.Batches.ShouldBe([1]);
        dialect.Rows.ShouldAllBe(r => r.Batch == 1 && r.AppliedBy == "recorder" && r.State == MigrationState.Succeeded);
    }

    [Fact]
    public async Task Nothing_to_do_returns_before_taking_the_lock()
    {
        var set = new InMemoryMigrations().Add(1, "a");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1);

        var result = await Engine.Migrator(dialect, set).MigrateAsync();

        result.NothingToDo.ShouldBeTrue();
        result.Batches.ShouldBeEmpty();
        dialect.Calls.ShouldBe(["open:Create", "read", "close"]);
    }

    [Fact]
    public async Task A_new_run_writes_the_next_batch_number()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1, batch: 4);

        var result = await Engine.Migrator(dialect, set).MigrateAsync();

        result.Batch.ShouldBe(5);
        dialect.Rows.Single(r => r.Version == 2).Batch.ShouldBe(5);
    }

    [Fact]
    public async Task A_no_transaction_migration_is_recorded_started_then_finished_around_its_statements()
    {
        var dialect = new RecordingDialect();
        var observer = new RecordingObserver();
        var set = new InMemoryMigrations().Add(1, "index", "CREATE INDEX CONCURRENTLY i ON t (a); CREATE INDEX CONCURRENTLY j ON t (b);", transactional: false);

        await Engine.Migrator(dialect, set, observer: observer).MigrateAsync();

        dialect.CallsOf("history").Concat(dialect.CallsOf("statements")).ShouldBe(["history:insert 1 started", "history:finish 1", "statements:001_index"], ignoreOrder: true);
        dialect.Calls.SkipWhile(c => c != "history:insert 1 started").Take(3).ShouldBe(["history:insert 1 started", "statements:001_index", "history:finish 1"]);
        dialect.Rows.ShouldHaveSingleItem().State.ShouldBe(MigrationState.Succeeded);
        observer.Events.ShouldBe(["start 001_index", "statement 1/2 of 001_index", "statement 2/2 of 001_index", "applied 001_index"]);
    }

    [Fact]
    public async Task A_failed_no_transaction_migration_stays_started_and_the_error_names_the_way_out()
    {
        var dialect = new RecordingDialect();
        var set = new InMemoryMigrations().Add(1, "index", transactional: false).Add(2, "after");
        dialect.Fail("001_index", RecordingDialect.ServerError("001_index", "42P07", "relation already exists"));

        var error = await Should.ThrowAsync<MigrationFailedException>(() => Engine.Migrator(dialect, set).MigrateAsync());

        error.Hint!.ShouldContain("`strata mark-applied 1`");
        error.Hint!.ShouldContain("`strata mark-rolled-back 1`");
        dialect.Rows.ShouldHaveSingleItem().State.ShouldBe(MigrationState.Started);
        dialect.CallsOf("run").ShouldBeEmpty();
        dialect.Calls[^2..].ShouldBe(["unlock", "close"]);
    }

    [Fact]
    public async Task A_failing_migration_stops_the_run_keeping_the_steps_before_it()
    {
        var dialect = new RecordingDialect();
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b").Add(3, "c");
        dialect.Fail("002_b", RecordingDialect.ServerError("002_b", "42601", "syntax error"));

        var error = await Should.ThrowAsync<MigrationFailedException>(() => Engine.Migrator(dialect, set).MigrateAsync());

        error.Migration.ShouldBe("002_b");
        error.SqlState.ShouldBe("42601");
        dialect.Rows.Select(r => r.Version).ShouldBe([1L]);
        dialect.CallsOf("run").ShouldBe(["run:001_a:insert 1", "run:002_b:insert 2"]);
        dialect.Calls[^2..].ShouldBe(["unlock", "close"]);
    }

    [Fact]
    public async Task A_step_another_runner_finished_while_this_one_waited_for_the_lock_is_not_run_again()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b");
        var dialect = new RecordingDialect
        {
            LockHeldBy = new LockHolder(4242, "strata", "app", null),
            WhileWaitingForLock = d => d.Applied(set, 1, batch: 7),
        };
        var observer = new RecordingObserver();

        var result = await Engine.Migrator(dialect, set, observer: observer).MigrateAsync();

        observer.Events[..2].ShouldBe(["waiting for pid 4242, application_name 'strata', user 'app'", "acquired"]);
        result.Applied.Select(s => s.Migration).ShouldBe(["002_b"]);
        result.Batch.ShouldBe(8);
    }

    [Fact]
    public async Task A_step_whose_history_row_appeared_meanwhile_is_reported_skipped()
    {
        var set = new InMemoryMigrations().Add(1, "a", transactional: false);
        var dialect = new RecordingDialect { StaleHistory = [] };
        dialect.Applied(set, 1);

        var skipped = await Engine.Migrator(dialect, set).MigrateAsync();

        skipped.Steps.ShouldHaveSingleItem().Outcome.ShouldBe(ExecutionOutcome.Skipped);
        dialect.CallsOf("statements").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lock_held_past_the_timeout_fails_as_unavailable_naming_the_holder()
    {
        var dialect = new RecordingDialect { LockHeldBy = new LockHolder(77, null, "deploy", null) };
        var options = Engine.FastOptions with { LockTimeout = TimeSpan.Zero };

        var error = await Should.ThrowAsync<LockTimeoutException>(() => Engine.Migrator(dialect, new InMemoryMigrations().Add(1, "a"), options).MigrateAsync());

        error.Category.ShouldBe(ErrorCategory.Unavailable);
        error.Holder.ShouldBe("pid 77, user 'deploy'");
        dialect.CallsOf("run").ShouldBeEmpty();
    }

    [Fact]
    public async Task Rollback_deletes_each_row_with_its_down_script_and_names_the_batches_it_touched()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b").Add(3, "c");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1, batch: 1);
        dialect.Applied(set, 2, batch: 2);
        dialect.Applied(set, 3, batch: 3);

        var result = await Engine.Migrator(dialect, set).RollbackAsync(new RollbackOptions { Steps = 2 });

        dialect.CallsOf("run").ShouldBe(["run:003_c (down):delete 3", "run:002_b (down):delete 2"]);
        dialect.Audit.ShouldBe(["rollback 3", "rollback 2"]);
        result.Batches.ShouldBe([2, 3]);
        dialect.Rows.Select(r => r.Version).ShouldBe([1L]);
    }

    [Fact]
    public async Task Rollback_of_a_database_that_is_not_there_refuses_instead_of_creating_it()
    {
        var dialect = new RecordingDialect { Exists = false };

        await Should.ThrowAsync<DatabaseUnavailableException>(() => Engine.Migrator(dialect, new InMemoryMigrations().Add(1, "a")).RollbackAsync());

        dialect.Exists.ShouldBeFalse();
    }
}

using Strata.Errors;

namespace Strata.Tests.Engine;

/// <summary>A transactional step that lost a table-lock race is tried again; other failures are not; no database.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task A_lock_timeout_is_retried_with_a_doubling_pause_and_the_step_then_applies_once()
    {
        var dialect = new RecordingDialect();
        var observer = new RecordingObserver();
        dialect.Fail("001_a", RecordingDialect.ServerError("001_a", "55P03"), RecordingDialect.ServerError("001_a", "55P03"));

        var result = await Engine.Migrator(dialect, new InMemoryMigrations().Add(1, "a"), observer: observer).MigrateAsync();

        observer.Events.ShouldBe([
            "start 001_a",
            "retry 001_a 1/4 after 1 ms (55P03)",
            "retry 001_a 2/4 after 2 ms (55P03)",
            "applied 001_a"]);
        dialect.CallsOf("run").Count().ShouldBe(3);
        dialect.Committed.ShouldBe(["001_a: SELECT 1;"]);
        result.FilesExecuted.ShouldBe(1);
    }

    [Fact]
    public async Task When_every_try_times_out_the_error_says_how_many_tries_and_what_holds_the_lock()
    {
        var dialect = new RecordingDialect();
        var options = Engine.FastOptions with { LockRetries = 2 };
        dialect.Fail("001_a", [.. Enumerable.Range(0, 3).Select(_ => RecordingDialect.ServerError("001_a", "55P03"))]);

        var error = await Should.ThrowAsync<MigrationFailedException>(() => Engine.Migrator(dialect, new InMemoryMigrations().Add(1, "a"), options).MigrateAsync());

        error.SqlState.ShouldBe("55P03");
        error.Hint!.ShouldStartWith("a table lock was not granted within the statement lock timeout in 3 tries");
        error.Hint.ShouldContain("--lock-retries");
        dialect.Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task Other_server_errors_are_not_retried()
    {
        var dialect = new RecordingDialect();
        var observer = new RecordingObserver();
        dialect.Fail("001_a", RecordingDialect.ServerError("001_a", "40P01", "deadlock detected"));

        await Should.ThrowAsync<MigrationFailedException>(() => Engine.Migrator(dialect, new InMemoryMigrations().Add(1, "a"), observer: observer).MigrateAsync());

        dialect.CallsOf("run").Count().ShouldBe(1);
        observer.Events.ShouldBe(["start 001_a"]);
    }

    [Fact]
    public async Task A_no_transaction_step_is_never_retried()
    {
        var dialect = new RecordingDialect();
        dialect.Fail("001_a", RecordingDialect.ServerError("001_a", "55P03"));

        await Should.ThrowAsync<MigrationFailedException>(() => Engine.Migrator(dialect, new InMemoryMigrations().Add(1, "a", transactional: false)).MigrateAsync());

        dialect.CallsOf("statements").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Down_steps_are_retried_too()
    {
        var set = new InMemoryMigrations().Add(1, "a");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1);
        dialect.Fail("001_a (down)", RecordingDialect.ServerError("001_a", "55P03"));

        var result = await Engine.Migrator(dialect, set).RollbackAsync();

        result.FilesExecuted.ShouldBe(1);
        dialect.Rows.ShouldBeEmpty();
    }
}

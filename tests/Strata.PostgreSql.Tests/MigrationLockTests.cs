using System.Diagnostics;
using Strata.Errors;
using Strata.Execution;
using Strata.History;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests;

[PostgresMatrix]
public sealed class MigrationLockTests : DialectTest
{
    private static readonly PostgreSqlOptions Holder = new() { ApplicationName = "strata-holder" };
    private static readonly PostgreSqlOptions Waiter = new() { ApplicationName = "strata-waiter", LockPollInterval = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task A_second_runner_times_out_naming_the_holder_and_leaves_no_waiting_trace()
    {
        var holder = await OpenAsync(options: Holder);
        var waiter = await OpenAsync(options: Waiter);
        await using var held = await holder.Lock.AcquireAsync(TimeSpan.FromSeconds(5), null, CancellationToken.None);
        var holderPid = await Database.ScalarAsync<int>(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
        var reports = new List<LockHolder>();
        var watch = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<LockTimeoutException>(
            () => waiter.Lock.AcquireAsync(TimeSpan.FromSeconds(1), new SynchronousProgress<LockHolder>(reports.Add), CancellationToken.None));

        watch.Elapsed.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        error.Category.ShouldBe(ErrorCategory.Unavailable);
        error.Message.ShouldContain($"pid {holderPid}");
        error.Message.ShouldContain("application_name 'strata-holder'");
        error.Message.ShouldContain("user 'postgres'");
        reports.Count.ShouldBe(1);
        reports[0].ProcessId.ShouldBe(holderPid);
        reports[0].ApplicationName.ShouldBe("strata-holder");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).ShouldBe(0);
        (await Database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'strata-waiter' AND (state <> 'idle' OR backend_xmin IS NOT NULL)"))
            .ShouldBe(0);
    }

    [Fact]
    public async Task A_waiting_runner_is_idle_without_snapshot_and_gets_the_lock_once_released()
    {
        var holder = await OpenAsync(options: Holder);
        var waiter = await OpenAsync(options: Waiter);
        var held = await holder.Lock.AcquireAsync(TimeSpan.FromSeconds(5), null, CancellationToken.None);

        var waiting = waiter.Lock.AcquireAsync(TimeSpan.FromSeconds(20), null, CancellationToken.None);
        await Task.Delay(400);
        var states = await Database.ScalarAsync<string>(
            "SELECT string_agg(state || ':' || coalesce(backend_xmin::text, 'none'), ',') FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'strata-waiter'");
        waiting.IsCompleted.ShouldBeFalse();
        await held.DisposeAsync();
        await using var acquired = await waiting;

        states.ShouldNotBeNull().Split(',').ShouldAllBe(s => s == "idle:none");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).ShouldBe(0);
    }

    [Fact]
    public async Task The_lock_is_freed_when_the_holder_connection_is_killed()
    {
        var holder = await OpenAsync(options: Holder);
        var waiter = await OpenAsync(options: Waiter);
        var held = await holder.Lock.AcquireAsync(TimeSpan.FromSeconds(5), null, CancellationToken.None);
        var waiting = waiter.Lock.AcquireAsync(TimeSpan.FromSeconds(20), null, CancellationToken.None);
        await Task.Delay(200);

        (await Database.ScalarAsync<bool>(
            "SELECT bool_and(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
            .ShouldBeTrue();
        var watch = Stopwatch.StartNew();
        await using var acquired = await waiting;

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        await held.DisposeAsync();
        await held.DisposeAsync();
    }

    [Fact]
    public async Task Released_locks_can_be_taken_again_and_disposing_the_session_releases_them()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();
        var held = await first.Lock.AcquireAsync(TimeSpan.FromSeconds(1), null, CancellationToken.None);
        await held.DisposeAsync();
        await held.DisposeAsync();

        var again = await second.Lock.AcquireAsync(TimeSpan.FromSeconds(1), null, CancellationToken.None);
        await second.DisposeAsync();

        await using var third = await first.Lock.AcquireAsync(TimeSpan.FromSeconds(2), null, CancellationToken.None);
        await again.DisposeAsync();
        (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).ShouldBe(1);
    }

    [Fact]
    public async Task Different_history_tables_lock_independently_unless_given_one_key()
    {
        var a = await OpenAsync(new HistoryTableName("strata_migrations", "a"));
        var b = await OpenAsync(new HistoryTableName("strata_migrations", "b"));
        var sharedA = await OpenAsync(new HistoryTableName("strata_migrations", "a"), new PostgreSqlOptions { LockKey = 42 });
        var sharedB = await OpenAsync(new HistoryTableName("strata_migrations", "b"), new PostgreSqlOptions { LockKey = 42 });

        await using var heldA = await a.Lock.AcquireAsync(TimeSpan.Zero, null, CancellationToken.None);
        await using var heldB = await b.Lock.AcquireAsync(TimeSpan.Zero, null, CancellationToken.None);
        await using var heldShared = await sharedA.Lock.AcquireAsync(TimeSpan.Zero, null, CancellationToken.None);

        await Should.ThrowAsync<LockTimeoutException>(() => sharedB.Lock.AcquireAsync(TimeSpan.FromMilliseconds(200), null, CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_a_wait_throws_and_leaves_nothing_behind()
    {
        var holder = await OpenAsync(options: Holder);
        var waiter = await OpenAsync(options: Waiter);
        await using var held = await holder.Lock.AcquireAsync(TimeSpan.FromSeconds(5), null, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => waiter.Lock.AcquireAsync(TimeSpan.FromSeconds(30), null, cancel.Token));

        (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'strata-waiter' AND state <> 'idle'")).ShouldBe(0);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool, racing the assertions).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

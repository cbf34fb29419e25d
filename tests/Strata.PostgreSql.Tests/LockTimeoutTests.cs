using Npgsql;
using Strata.Conformance;
using Strata.Errors;
using Strata.Execution;
using Strata.Planning;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests;

/// <summary>lock_timeout on migration statements, with bounded retries that are reported.</summary>
[PostgresMatrix]
public sealed class LockTimeoutTests : PostgresTestBase
{
    [Fact]
    public async Task A_migration_blocked_by_a_long_transaction_fails_after_its_retries_with_55P03_and_leaves_nothing()
    {
        await Database.ExecuteAsync("CREATE TABLE t (id int)");
        await using var blocker = await HoldAccessShareAsync();
        var retries = new List<(int Attempt, TimeSpan Delay)>();

        var error = await Should.ThrowAsync<MigrationFailedException>(() => Migrator(retries).MigrateAsync());

        error.SqlState.ShouldBe("55P03");
        error.Hint!.ShouldContain("3 tries");
        retries.Select(r => r.Attempt).ShouldBe([1, 2]);
        retries[1].Delay.ShouldBe(retries[0].Delay * 2);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'note'")).ShouldBe(0);
    }

    [Fact]
    public async Task A_migration_succeeds_when_the_blocker_commits_during_the_retry_window()
    {
        await Database.ExecuteAsync("CREATE TABLE t (id int)");
        var blocker = await HoldAccessShareAsync();
        var retries = new List<(int Attempt, TimeSpan Delay)>();
        var migrate = Migrator(retries, observerOnRetry: () => blocker.DisposeAsync().AsTask()).MigrateAsync();

        var result = await migrate;

        result.FilesExecuted.ShouldBe(1);
        retries.Count.ShouldBe(1);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'note'")).ShouldBe(1);
    }

    [Fact]
    public async Task Statement_timeout_is_opt_in_and_stops_a_runaway_statement()
    {
        var options = new MigratorOptions { StatementTimeout = TimeSpan.FromMilliseconds(300) };
        var set = new MigrationSet().Add(1, "slow", "SELECT pg_sleep(5);");

        var error = await Should.ThrowAsync<MigrationFailedException>(() => new Migrator(new PostgreSqlDialect(Database.ConnectionString), set, options).MigrateAsync());

        error.SqlState.ShouldBe("57014");
    }

    private Migrator Migrator(List<(int, TimeSpan)> retries, Func<Task>? observerOnRetry = null)
    {
        var set = new MigrationSet().Add(1, "add_note", "ALTER TABLE t ADD COLUMN note text;");
        var options = new MigratorOptions { StatementLockTimeout = TimeSpan.FromMilliseconds(200), LockRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(100) };
        return new Migrator(new PostgreSqlDialect(Database.ConnectionString), set, options, new RetryRecorder(retries, observerOnRetry));
    }

    /// <summary>An open transaction that read from t: it holds ACCESS SHARE until disposed.</summary>
    private async Task<NpgsqlConnection> HoldAccessShareAsync()
    {
        var connection = await Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("BEGIN; SELECT count(*) FROM t;", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private sealed class RetryRecorder(List<(int, TimeSpan)> retries, Func<Task>? onRetry) : IMigrationObserver
    {
        public void OnRetry(MigrationStep migrationStep, int attempt, int attempts, TimeSpan delay, MigrationFailedException failure)
        {
            retries.Add((attempt, delay));
            onRetry?.Invoke().GetAwaiter().GetResult();
        }
    }
}

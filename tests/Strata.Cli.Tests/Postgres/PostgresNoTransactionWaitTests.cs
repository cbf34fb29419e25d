using System.Diagnostics;
using Strata.TestSupport;

namespace Strata.Cli.Tests.Postgres;

/// <summary>
/// A runner that arrives while another runner is inside a no-transaction migration (CREATE INDEX CONCURRENTLY)
/// must wait for the lock, not take the other runner's in-progress history row for a crashed one (reliability R06).
/// </summary>
public sealed class PostgresNoTransactionWaitTests : PostgresCliTest
{
    [Fact]
    public async Task A_runner_arriving_during_a_no_transaction_migration_waits_for_the_lock_and_exits_0()
    {
        Workspace.Write("001_items.sql", "CREATE TABLE items (id int);\nINSERT INTO items SELECT generate_series(1, 1000);\n");
        // The first runner blocks inside 002 on a lock this test holds, so the second always arrives mid-migration.
        Workspace.Write("002_items_id.sql", "-- strata:no-transaction\nSELECT pg_advisory_lock(4711);\nSELECT pg_advisory_unlock(4711);\nCREATE INDEX CONCURRENTLY items_id ON items (id);\n");
        Workspace.Write("003_after.sql", "CREATE TABLE after_index (id int);\n");
        await using var gate = await Database.OpenConnectionAsync();
        await using (var hold = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(4711)", gate))
        {
            await hold.ExecuteNonQueryAsync();
        }

        using var first = StrataProcess.Start(Workspace.Root, ProcessVariables("application_name=runner-first"), "migrate");
        await WaitForStartedRowAsync(first);
        using var second = StrataProcess.Start(Workspace.Root, ProcessVariables("application_name=runner-second"), "migrate");
        await WaitForLockPollingAsync(second);
        await using (var release = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(4711)", gate))
        {
            await release.ExecuteNonQueryAsync();
        }

        var late = await second.WaitAsync(TimeSpan.FromSeconds(60));
        var early = await first.WaitAsync(TimeSpan.FromSeconds(60));

        early.ExitCode.ShouldBe(0, early.ToString());
        late.ExitCode.ShouldBe(0, "the second runner must wait for the first, whose 002_items_id is in progress, not fail:\n" + late);
        late.Stderr.ShouldContain("waiting for the migration lock");
        late.Stderr.ShouldContain("runner-first");
        late.Stdout.ShouldContain("up to date");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations WHERE state = 'succeeded'")).ShouldBe(3);
        (await Database.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'public.items_id'::regclass")).ShouldBeTrue();
    }

    /// <summary>Waits until the second runner polls for the migration lock (its lock connection ran pg_try_advisory_lock).</summary>
    private async Task WaitForLockPollingAsync(StrataProcess second)
    {
        var clock = Stopwatch.StartNew();
        while (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'runner-second' AND query LIKE '%pg_try_advisory_lock%'") == 0)
        {
            if (second.HasExited || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException("the second runner never asked for the migration lock:\n" + await second.WaitAsync(TimeSpan.FromSeconds(20)));
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Waits until the first runner has recorded 002 as started (it is then blocked on the test's lock, before the index).</summary>
    private async Task WaitForStartedRowAsync(StrataProcess first)
    {
        var clock = Stopwatch.StartNew();
        while (await HistoryRowsAsync() < 0
            || await Database.ScalarAsync<string>("SELECT state FROM strata_migrations WHERE version = 2") != "started")
        {
            if (first.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException("the first runner never reached 002_items_id:\n" + await first.WaitAsync(TimeSpan.FromSeconds(20)));
            }

            await Task.Delay(25);
        }
    }
}

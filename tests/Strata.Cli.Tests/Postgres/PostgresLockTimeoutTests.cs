using System.Diagnostics;
using System.Security.Cryptography;
using Strata.TestSupport;

namespace Strata.Cli.Tests.Postgres;

/// <summary>A second runner gives up waiting for the migration lock and names who holds it (reliability R02).</summary>
public sealed class PostgresLockTimeoutTests : PostgresCliTest
{
    [Fact]
    public async Task A_second_runner_exits_5_after_its_lock_timeout_naming_the_holders_pid_and_application_name()
    {
        Workspace.Write("001_slow.sql", "CREATE TABLE slow (id int);\nSELECT pg_sleep(15);\n");
        var holderName = "strata-holder-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        using var holder = StrataProcess.Start(Workspace.Root, ProcessVariables("application_name=" + holderName), "migrate");
        try
        {
            var holderPid = await WaitForLockHolderAsync(holder, holderName);

            using var process = StrataProcess.Start(Workspace.Root, ProcessVariables("application_name=strata-waiter"), "migrate", "--lock-timeout", "2");
            var waiter = await process.WaitAsync(TimeSpan.FromSeconds(30));

            waiter.ExitCode.ShouldBe(5, waiter.ToString());
            process.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2), waiter.ToString());
            // Far below the 60 s default and the holder's 15 s: it gave up after its own 2 s (process start-up on a
            // loaded 2-core machine has taken over 3 s, so the bound is not tighter).
            process.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(12), "process start plus a 2 s lock wait:\n" + waiter);
            waiter.Stderr.ShouldContain("timed out after 2");
            waiter.Stderr.ShouldContain("migration lock");
            waiter.Stderr.ShouldContain($"pid {holderPid}");
            waiter.Stderr.ShouldContain($"application_name '{holderName}'");
            waiter.Stderr.ShouldContain("--lock-timeout");
            holder.HasExited.ShouldBeFalse("the holder is still in its 15 s migration");
            (await HistoryRowsAsync()).ShouldBeLessThanOrEqualTo(0, "nothing was committed");
            await WaitUntilAsync(
                async () => await Database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'strata-waiter'") == 0,
                "the waiter's sessions are gone once it exited");
        }
        finally
        {
            holder.Kill();
        }

        holder.HasExited.ShouldBeTrue();
        Should.Throw<ArgumentException>(() => Process.GetProcessById(holder.Id), "the killed runner is gone");
    }

    /// <summary>Waits until a session of <paramref name="applicationName"/> holds an advisory lock in this database; returns its pid.</summary>
    private async Task<int> WaitForLockHolderAsync(StrataProcess holder, string applicationName)
    {
        const string sql = """
            SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database() AND a.application_name = $1
            """;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (await Database.ScalarAsync<int?>(sql, applicationName) is { } pid)
            {
                return pid;
            }

            if (holder.HasExited)
            {
                var result = await holder.WaitAsync(TimeSpan.FromSeconds(5));
                throw new InvalidOperationException("the first runner ended before it took the lock:\n" + result);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the first runner did not take the migration lock within 20 s");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), what);
            await Task.Delay(50);
        }
    }
}

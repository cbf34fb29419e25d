using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.PostgreSql;
using Strata.TestSupport;

namespace Strata.Hosting.Tests.Hosting;

/// <summary>Two hosts on one PostgreSQL database: the second waits for the first's lock, logs it, and applies nothing.</summary>
public sealed class PostgresLockWaitTests : PostgresTestBase
{
    [Fact]
    public async Task A_replica_starting_during_another_ones_migration_logs_the_wait_and_finds_the_database_up_to_date()
    {
        using var folder = new TempDirectory();
        folder.WriteFile("001_slow.sql", "SELECT pg_sleep(1);\nCREATE TABLE slow_done (id integer);\n");
        var (first, firstLogs) = Build(folder.Path);
        var (second, secondLogs) = Build(folder.Path);
        using (first)
        using (second)
        {
            var starting = first.StartAsync();
            await WaitUntilSleepingAsync();
            await second.StartAsync();
            await starting;
            await Task.WhenAll(first.StopAsync(), second.StopAsync());
        }

        firstLogs.Strata.Where(e => e.EventId == 6).Select(e => e.Message).ShouldHaveSingleItem().ShouldStartWith("Applied 001_slow in ");
        var waited = secondLogs.Strata.Select(e => e.EventId).Where(id => id is 2 or 3 or 6 or 10).ToList();
        waited.ShouldBe([2, 3, 10], secondLogs.Text);
        var wait = secondLogs.Strata.First(e => e.EventId == 2);
        wait.Level.ShouldBe(LogLevel.Information);
        wait.Message.ShouldMatch(@"^Waiting for the migration lock held by pid \d+, application_name 'strata'");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations")).ShouldBe(1);
    }

    private (IHost Host, LogCollector Logs) Build(string migrations)
    {
        var logs = new LogCollector();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(logs);
        builder.Services.AddStrata(strata => strata.UseDatabase(new PostgreSqlDialect(Database.ConnectionString)).AddFolder(migrations));
        return (builder.Build(), logs);
    }

    private async Task WaitUntilSleepingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(1)%' AND pid <> pg_backend_pid()") == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the first host never started its slow migration");
            await Task.Delay(20);
        }
    }
}

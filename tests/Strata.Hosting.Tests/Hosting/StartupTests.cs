using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.Execution;
using Strata.Planning;

namespace Strata.Hosting.Tests.Hosting;

/// <summary>Start-up migration in a generic host on a real SQLite file: order, logs, the injected migrator.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly SqliteApp _app = new();

    public StartupTests()
    {
        _app.Write("001_create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n-- strata:down\nDROP TABLE items;\n");
        _app.Write("003_create_tags.sql", "CREATE TABLE tags (item_id INTEGER NOT NULL, tag TEXT NOT NULL);\nINSERT INTO tags SELECT id, 'seeded' FROM items;\n-- strata:down\nDROP TABLE tags;\n");
    }

    [Fact]
    public async Task Migrations_are_applied_before_any_hosted_service_starts_even_one_registered_earlier()
    {
        var probe = new TableProbe(_app);
        var (host, _) = _app.Build(s => s.AddCode(new SeedItems()), services: s => s.AddSingleton<IHostedService>(probe));
        using (host)
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        probe.Started.ShouldBeTrue();
        probe.SawTags.ShouldBeTrue("the hosted service registered before AddStrata started before the migrations were applied");
        probe.HistoryRows.ShouldBe(3);
    }

    [Fact]
    public async Task A_CSharp_migration_between_two_SQL_files_runs_in_order_and_rolls_back()
    {
        var (host, logs) = _app.Build(s => s.AddCode(new SeedItems()));
        using (host)
        {
            await host.StartAsync();
            logs.Strata.Where(e => e.EventId == 6).Select(e => e.Message.Split(' ')[1])
                .ShouldBe(["001_create_items", "2_seed_items", "003_create_tags"], logs.Text);
            (await _app.ScalarAsync("SELECT count(*) FROM tags")).ShouldBe(2, "003 tags the rows 2_seed_items inserted, so it ran after it");

            var result = await host.Services.GetRequiredService<Migrator>().RollbackAsync(new RollbackOptions { ToVersion = 0 });
            await host.StopAsync();

            result.Applied.Select(s => s.Migration).ShouldBe(["003_create_tags", "2_seed_items", "001_create_items"]);
            logs.Strata.Where(e => e.EventId == 7).Count().ShouldBe(3, logs.Text);
        }

        (await _app.TableExistsAsync("items")).ShouldBeFalse();
        (await _app.TableExistsAsync("tags")).ShouldBeFalse();
        (await _app.ScalarAsync("SELECT count(*) FROM strata_migrations")).ShouldBe(0);
    }

    [Fact]
    public async Task Logs_the_start_each_migration_with_its_duration_and_a_summary_then_up_to_date_on_the_next_start()
    {
        var (first, logs) = _app.Build(s => s.AddCode(new SeedItems()));
        using (first)
        {
            await first.StartAsync();
            await first.StopAsync();
        }

        var strata = logs.Strata;
        strata[0].EventId.ShouldBe(1, logs.Text);
        strata[0].Message.ShouldBe($"Migrating sqlite:{_app.DatabasePath} (environment staging)");
        var applied = strata.Where(e => e.EventId == 6).ToList();
        applied.Count.ShouldBe(3, logs.Text);
        applied.ShouldAllBe(e => e.Level == LogLevel.Information && e.Template == "Applied {Migration} in {DurationMs} ms");
        applied[0].Message.ShouldMatch(@"^Applied 001_create_items in \d+ ms$");
        var summary = strata.Single(e => e.EventId == 9);
        summary.Message.ShouldMatch($@"^Applied 3 migration\(s\) to sqlite:.+app\.db in \d+ ms \(batch 1\)$");
        strata.ShouldNotContain(e => e.Level >= LogLevel.Warning, logs.Text);

        var (second, again) = _app.Build(s => s.AddCode(new SeedItems()));
        using (second)
        {
            await second.StartAsync();
            await second.StopAsync();
        }

        again.Strata.Single(e => e.EventId == 10).Message.ShouldMatch(@"^sqlite:.+app\.db is up to date \(\d+ ms\)$");
        again.Strata.ShouldNotContain(e => e.EventId == 6);
    }

    [Fact]
    public async Task A_failing_migration_stops_the_host_and_the_log_names_the_file_line_and_what_was_kept()
    {
        _app.Write("002_broken.sql", "CREATE TABLE kept_out (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n");
        var (host, logs) = _app.Build();
        using (host)
        {
            var error = await Should.ThrowAsync<Errors.MigrationFailedException>(() => host.StartAsync());
            error.Migration.ShouldBe("002_broken");

            var critical = logs.Strata.Single(e => e.Level == LogLevel.Critical);
            critical.EventId.ShouldBe(19);
            critical.Message.ShouldContain("Migration 002_broken failed at ");
            critical.Message.ShouldContain("002_broken.sql:2:");
            critical.Message.ShouldContain("no such table: no_such_table");
            critical.Message.ShouldContain("Start-up stops");

            var health = await SqliteApp.HealthAsync(host);
            health.Status.ShouldBe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy);
            health.Data["startup"].ShouldBe("failed");
        }

        (await _app.TableExistsAsync("items")).ShouldBeTrue("001 ran in its own transaction before 002 failed");
        (await _app.TableExistsAsync("kept_out")).ShouldBeFalse("002's transaction was rolled back");
    }

    /// <summary>A hosted service that looks at the database when the host starts it.</summary>
    private sealed class TableProbe(SqliteApp app) : IHostedService
    {
        public bool Started { get; private set; }

        public bool SawTags { get; private set; }

        public long HistoryRows { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            SawTags = await app.TableExistsAsync("tags");
            HistoryRows = await app.TableExistsAsync("strata_migrations") ? await app.ScalarAsync("SELECT count(*) FROM strata_migrations") : 0;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public void Dispose() => _app.Dispose();
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Strata.Hosting.Tests.Hosting;

/// <summary>The Strata health check on a real SQLite file: statuses, counts, caching.</summary>
public sealed class HealthCheckTests : IDisposable
{
    private readonly SqliteApp _app = new();

    public HealthCheckTests()
    {
        _app.Write("001_create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");
        _app.Write("002_create_tags.sql", "CREATE TABLE tags (item_id INTEGER NOT NULL);\n");
    }

    [Fact]
    public async Task Healthy_after_start_up_with_the_count_of_each_status()
    {
        var (host, _) = _app.Build();
        using (host)
        {
            await host.StartAsync();
            var health = await SqliteApp.HealthAsync(host);
            await host.StopAsync();

            health.Status.ShouldBe(HealthStatus.Healthy, health.Description);
            health.Description.ShouldBe("migrations up to date");
            health.Data["applied"].ShouldBe(2);
            health.Data["pending"].ShouldBe(0);
            health.Data["appliedAtStartup"].ShouldBe(2);
            health.Data["startup"].ShouldBe("succeeded");
            health.Data["database"].ShouldBe("sqlite:" + _app.DatabasePath);
        }
    }

    [Fact]
    public async Task With_start_up_migration_off_nothing_is_applied_and_pending_migrations_make_it_Degraded()
    {
        var (host, logs) = _app.Build(settings: new Dictionary<string, string?> { ["Strata:MigrateOnStartup"] = "false" });
        using (host)
        {
            await host.StartAsync();
            var health = await SqliteApp.HealthAsync(host);
            await host.StopAsync();

            health.Status.ShouldBe(HealthStatus.Degraded);
            health.Description.ShouldBe("2 migration(s) pending");
            health.Data["pending"].ShouldBe(2);
            health.Data["startup"].ShouldBe("off");
            logs.Strata.ShouldContain(e => e.EventId == 17 && e.Level == LogLevel.Information, logs.Text);
        }

        (await _app.TableExistsAsync("items")).ShouldBeFalse();
    }

    [Theory]
    [InlineData(60, HealthStatus.Healthy)]
    [InlineData(0, HealthStatus.Degraded)]
    public async Task Probes_within_the_cache_duration_reuse_one_status_read(int cacheSeconds, HealthStatus afterNewFile)
    {
        var (host, _) = _app.Build(s => s.HealthCacheDuration = TimeSpan.FromSeconds(cacheSeconds));
        using (host)
        {
            await host.StartAsync();
            (await SqliteApp.HealthAsync(host)).Status.ShouldBe(HealthStatus.Healthy);

            // A migration that appears after the read is only seen once the cached read expires.
            _app.Write("003_create_notes.sql", "CREATE TABLE notes (id INTEGER);\n");
            var second = await SqliteApp.HealthAsync(host);
            await host.StopAsync();

            second.Status.ShouldBe(afterNewFile, second.Description);
        }
    }

    [Fact]
    public async Task An_older_release_restarting_after_a_newer_one_migrated_starts_and_stays_Healthy()
    {
        var (newer, _) = _app.Build();
        using (newer)
        {
            await newer.StartAsync();
            await newer.StopAsync();
        }

        // The older build lacks the newest file: as during a rolling deploy or an application rollback.
        File.Delete(Path.Combine(_app.Migrations, "002_create_tags.sql"));
        var (older, logs) = _app.Build();
        using (older)
        {
            await older.StartAsync();
            var health = await SqliteApp.HealthAsync(older);
            await older.StopAsync();

            health.Status.ShouldBe(HealthStatus.Healthy);
            health.Data["missing"].ShouldBe(1);
            health.Description!.ShouldContain("1 applied migration(s) are unknown to this build");
        }

        logs.Strata.Single(e => e.EventId == 20).Message
            .ShouldBe($"sqlite:{_app.DatabasePath} holds 1 migration(s) newer than this build (2_create_tags), applied by a newer release; nothing to do here");
    }

    [Fact]
    public async Task An_applied_migration_missing_below_the_newest_file_still_stops_start_up()
    {
        var (first, _) = _app.Build();
        using (first)
        {
            await first.StartAsync();
            await first.StopAsync();
        }

        File.Delete(Path.Combine(_app.Migrations, "001_create_items.sql"));
        var (broken, logs) = _app.Build();
        using (broken)
        {
            var error = await Should.ThrowAsync<Errors.ValidationException>(() => broken.StartAsync());
            error.Message.ShouldContain("1_create_items: applied, but its file is no longer");
        }

        logs.Strata.Single(e => e.Level == LogLevel.Critical).EventId.ShouldBe(14);
    }

    public void Dispose() => _app.Dispose();
}

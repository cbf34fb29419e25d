using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Strata.Errors;
using Strata.Sqlite;

namespace Strata.Hosting.Tests.Hosting;

/// <summary>
/// An unreachable database (an SQLite file in a folder that does not exist: the dialect reports it as unavailable)
/// under both policies.
/// </summary>
public sealed class UnavailablePolicyTests : IDisposable
{
    private readonly SqliteApp _app = new();
    private readonly string _unreachable;

    public UnavailablePolicyTests()
    {
        _app.Write("001_create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");
        _unreachable = Path.Combine(_app.Migrations, "no-such-folder", "app.db");
    }

    [Fact]
    public async Task By_default_start_up_fails_with_a_critical_log_naming_the_database_and_the_way_out()
    {
        var (host, logs) = _app.Build(s => s.UseDatabase(_ => new SqliteDialect(_unreachable)));
        using (host)
        {
            var error = await Should.ThrowAsync<DatabaseUnavailableException>(() => host.StartAsync());
            error.Message.ShouldContain("no-such-folder");
        }

        var critical = logs.Strata.Single(e => e.Level == LogLevel.Critical);
        critical.EventId.ShouldBe(12);
        critical.Message.ShouldStartWith($"Database sqlite:{_unreachable} is unavailable and UnavailablePolicy is FailStartup, so start-up stops: ");
        critical.Message.ShouldContain("set Strata:UnavailablePolicy to WarnAndContinue");
    }

    [Fact]
    public async Task Under_WarnAndContinue_from_configuration_the_host_starts_with_a_warning_and_reports_Degraded()
    {
        var settings = new Dictionary<string, string?> { ["Strata:UnavailablePolicy"] = "warnandcontinue" };
        var (host, logs) = _app.Build(s => s.UseDatabase(_ => new SqliteDialect(_unreachable)), settings);
        using (host)
        {
            await host.StartAsync();
            var health = await SqliteApp.HealthAsync(host);
            await host.StopAsync();

            health.Status.ShouldBe(HealthStatus.Degraded, health.Description);
            health.Description!.ShouldContain("running without the database");
            health.Data["startup"].ShouldBe("continuedWithoutDatabase");
        }

        var warning = logs.Strata.Single(e => e.Level == LogLevel.Warning);
        warning.EventId.ShouldBe(13);
        warning.Message.ShouldContain("starting WITHOUT migrating because UnavailablePolicy is WarnAndContinue");
        logs.Strata.ShouldNotContain(e => e.Level > LogLevel.Warning, logs.Text);
    }

    [Fact]
    public async Task WarnAndContinue_does_not_hide_a_failing_migration()
    {
        _app.Write("002_broken.sql", "INSERT INTO no_such_table VALUES (1);\n");
        var (host, _) = _app.Build(s => s.UnavailablePolicy = UnavailablePolicy.WarnAndContinue);
        using (host)
        {
            await Should.ThrowAsync<MigrationFailedException>(() => host.StartAsync());
        }
    }

    public void Dispose() => _app.Dispose();
}

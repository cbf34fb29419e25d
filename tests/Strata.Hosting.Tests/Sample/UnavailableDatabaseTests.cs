using System.Net;
using Strata.TestSupport;

namespace Strata.Hosting.Tests.Sample;

/// <summary>The sample pointed at a PostgreSQL server that is down, under both policies.</summary>
public sealed class UnavailableDatabaseTests : IDisposable
{
    private const string Canary = "Canary-pw-5fd2e1";

    private readonly TempDirectory _folder = new();
    private readonly ClosedPort _database = new();

    private string DatabaseUrl => $"postgres://app:{Canary}@127.0.0.1:{_database.Port}/appdb";

    [Fact]
    public async Task By_default_the_app_exits_quickly_with_a_clear_message_and_no_password()
    {
        using var app = WebAppProcess.Start(_folder.Path, new Dictionary<string, string> { ["DATABASE_URL"] = DatabaseUrl });

        var code = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var output = app.Output;

        code.ShouldBe(1, output);
        app.Clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), output);
        output.ShouldContain($"Database postgres://app@127.0.0.1:{_database.Port}/appdb is unavailable and UnavailablePolicy is FailStartup, so start-up stops");
        output.ShouldContain("webapp: not started: ");
        output.ShouldNotContain("Now listening on");
        output.ShouldNotContain(Canary);
    }

    [Fact]
    public async Task Under_WarnAndContinue_it_serves_with_a_logged_warning_and_health_Degraded()
    {
        using var app = WebAppProcess.Start(_folder.Path, new Dictionary<string, string>
        {
            ["DATABASE_URL"] = DatabaseUrl,
            ["Strata__UnavailablePolicy"] = "WarnAndContinue",
        });

        await app.WaitUntilServingAsync(TimeSpan.FromSeconds(30));
        var health = await app.GetAsync("/health");
        var todos = await app.GetAsync("/todos");
        var output = app.Output;

        output.ShouldContain("warn: Strata.Migrations[13]");
        output.ShouldContain("starting WITHOUT migrating because UnavailablePolicy is WarnAndContinue");
        health.Status.ShouldBe(HttpStatusCode.OK, health.Body);
        var (status, data) = SampleMigrations.Health(health.Body);
        status.ShouldBe("Degraded", health.Body);
        data.GetProperty("startup").GetString().ShouldBe("continuedWithoutDatabase");
        todos.Status.ShouldBe(HttpStatusCode.InternalServerError, "the endpoint needs the database that is down");
        (output + health.Body + todos.Body).ShouldNotContain(Canary);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }
}

using System.Net;
using Npgsql;
using Strata.TestSupport;

namespace Strata.Hosting.Tests.Sample;

/// <summary>The sample on PostgreSQL: nothing is answered before the migrations are applied.</summary>
public sealed class FirstRequestTests : PostgresTestBase
{
    private const double SlowStepSeconds = 1.5;

    [Fact]
    public async Task A_client_hammering_the_port_from_the_start_gets_its_first_answer_after_the_last_migration()
    {
        using var folder = new TempDirectory();
        var migrations = SampleMigrations.WithSlowStep(folder, SlowStepSeconds);
        using var app = WebAppProcess.Start(folder.Path, new Dictionary<string, string>
        {
            ["DATABASE_URL"] = Database.ConnectionString,
            ["MIGRATIONS_PATH"] = migrations,
        });

        var refused = 0;
        (HttpStatusCode Status, string Body)? first;
        while ((first = await app.TryGetAsync("/health")) is null)
        {
            refused++;
            app.Clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), app.Output);
            await Task.Delay(10);
        }

        var answeredAfter = app.Clock.Elapsed;
        var output = app.Output;

        // The first answer comes from a server that reads the status at that moment: everything is applied.
        first.Value.Status.ShouldBe(HttpStatusCode.OK, first.Value.Body);
        var (status, data) = SampleMigrations.Health(first.Value.Body);
        status.ShouldBe("Healthy", first.Value.Body);
        data.GetProperty("applied").GetInt32().ShouldBe(4);
        data.GetProperty("pending").GetInt32().ShouldBe(0);

        // The port was tried while the app migrated, and refused: the server was not listening yet.
        refused.ShouldBeGreaterThan(10, output);
        answeredAfter.ShouldBeGreaterThan(TimeSpan.FromSeconds(SlowStepSeconds), output);
        output.IndexOf("Applied 004_slow_step", StringComparison.Ordinal)
            .ShouldBeLessThan(output.IndexOf("Now listening on", StringComparison.Ordinal), output);
        output.ShouldNotContain(new NpgsqlConnectionStringBuilder(Database.ConnectionString).Password!);

        var todos = await app.GetAsync("/todos");
        todos.Status.ShouldBe(HttpStatusCode.OK, todos.Body);
        todos.Body.ShouldContain("\"title\":\"Deploy with two replicas\"");
        todos.Body.ShouldContain("\"tags\":[\"sample\"]");
        (await Database.ListTablesAsync("public")).ShouldBe(["slow_step_done", "strata_migrations", "strata_migrations_audit", "tags", "todos"], ignoreOrder: true);
    }
}

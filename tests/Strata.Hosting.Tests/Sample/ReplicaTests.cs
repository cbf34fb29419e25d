using System.Net;
using Strata.TestSupport;

namespace Strata.Hosting.Tests.Sample;

/// <summary>Two replicas of the sample started at once on one PostgreSQL database.</summary>
public sealed class ReplicaTests : PostgresTestBase
{
    [Fact]
    public async Task Both_serve_and_each_migration_is_applied_once()
    {
        using var folder = new TempDirectory();
        var migrations = SampleMigrations.WithSlowStep(folder, 1);
        var variables = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = Database.ConnectionString,
            ["MIGRATIONS_PATH"] = migrations,
        };
        using var first = WebAppProcess.Start(folder.Path, variables);
        using var second = WebAppProcess.Start(folder.Path, variables);

        await Task.WhenAll(first.WaitUntilServingAsync(TimeSpan.FromSeconds(40)), second.WaitUntilServingAsync(TimeSpan.FromSeconds(40)));
        var outputs = $"--- first\n{first.Output}\n--- second\n{second.Output}";

        foreach (var app in new[] { first, second })
        {
            var health = await app.GetAsync("/health");
            SampleMigrations.Health(health.Body).Status.ShouldBe("Healthy", health.Body);
            var todos = await app.GetAsync("/todos");
            todos.Status.ShouldBe(HttpStatusCode.OK, todos.Body);
            todos.Body.ShouldContain("\"title\":\"Read the Strata user guide\"");
        }

        // Every migration was applied by exactly one of them; the other found the work done.
        var applied = SampleMigrations.Applied(first.Output).Concat(SampleMigrations.Applied(second.Output)).ToList();
        applied.ShouldBe(["001_create_todos", "2_seed_todos", "003_create_tags", "004_slow_step"], outputs);
        outputs.ShouldContain("Applied 4 migration(s) to postgres://");
        outputs.ShouldContain(" is up to date (");

        (await Database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations")).ShouldBe(4);
        (await Database.ScalarAsync<long>("SELECT count(DISTINCT version) FROM strata_migrations WHERE state = 'succeeded'")).ShouldBe(4);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM todos")).ShouldBe(3, "the C# seed ran once");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM tags")).ShouldBe(3);
    }
}

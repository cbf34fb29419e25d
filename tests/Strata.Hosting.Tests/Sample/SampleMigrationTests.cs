using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Strata.Execution;
using Strata.Planning;
using Strata.PostgreSql;
using Strata.TestSupport;
using WebApp;

namespace Strata.Hosting.Tests.Sample;

/// <summary>The sample's migrations through AddStrata on PostgreSQL: the C# one between two SQL files, then a full rollback.</summary>
public sealed class SampleMigrationTests : PostgresTestBase
{
    [Fact]
    public async Task The_CSharp_migration_between_two_SQL_files_runs_in_order_and_everything_rolls_back()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddStrata(strata => strata
            .UseDatabase(new PostgreSqlDialect(Database.ConnectionString))
            .AddFolder(WebAppProcess.BuiltMigrations)
            .AddCode(new SeedTodos()));
        builder.Services.AddHealthChecks().AddStrata();
        using var host = builder.Build();

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var rollback = await host.Services.GetRequiredService<Migrator>().RollbackAsync(new RollbackOptions { ToVersion = 0 });
        await host.StopAsync();

        health.Status.ShouldBe(HealthStatus.Healthy);
        health.Entries["strata"].Data["applied"].ShouldBe(3);
        rollback.Applied.Select(s => s.Migration).ShouldBe(["003_create_tags", "2_seed_todos", "001_create_todos"]);
        (await Database.ListTablesAsync("public")).ShouldNotContain("todos");
        (await Database.ListTablesAsync("public")).ShouldNotContain("tags");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations")).ShouldBe(0);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations_audit WHERE action = 'rollback'")).ShouldBe(3);
    }

    [Fact]
    public async Task Applied_in_version_order_with_the_seeded_rows_tagged_by_the_later_SQL_file()
    {
        var migrator = new Migrator(
            new PostgreSqlDialect(Database.ConnectionString),
            new Sources.CompositeMigrationSource(new Sources.DirectoryMigrationSource(WebAppProcess.BuiltMigrations), new Code.CodeMigrationSource(new SeedTodos())));

        var result = await migrator.MigrateAsync();

        result.Applied.Select(s => s.Migration).ShouldBe(["001_create_todos", "2_seed_todos", "003_create_tags"]);
        (await Database.ScalarAsync<string>("SELECT string_agg(version::text, ',' ORDER BY id) FROM strata_migrations")).ShouldBe("1,2,3");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM tags WHERE tag = 'sample'")).ShouldBe(3);
    }
}

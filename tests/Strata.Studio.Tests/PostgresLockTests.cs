using Strata.Configuration;
using Strata.Execution;
using Strata.PostgreSql;
using Strata.Sources;
using Strata.TestSupport;

namespace Strata.Studio.Tests;

/// <summary>PostgreSQL: the migrations view names the session holding the migration lock while a real migration runs.</summary>
public sealed class PostgresLockTests : PostgresTestBase
{
    [Fact]
    public async Task The_migrations_view_shows_who_holds_the_migration_lock_while_a_migration_runs()
    {
        using var folder = new TempDirectory();
        var migrations = Path.Combine(folder.Path, "migrations");
        Directory.CreateDirectory(migrations);
        await File.WriteAllTextAsync(Path.Combine(migrations, "001_slow.sql"), "create table t (id int);\nselect pg_sleep(4);\n");
        Migrator Migrator() => new(new PostgreSqlDialect(Database.ConnectionString), new DirectoryMigrationSource(migrations, folder.Path));
        await using var client = await StudioClient.StartAsync(new StudioOptions
        {
            Database = new DatabaseTarget(Dialect.PostgreSql, Database.ConnectionString, "pg", null),
            Migrations = Migrator,
        });
        var free = (await client.GetJsonAsync("/api/migrations")).GetProperty("lock");
        free.GetProperty("held").GetBoolean().ShouldBeFalse();
        free.GetProperty("text").GetString()!.ShouldStartWith("free");

        var running = Migrator().MigrateAsync();
        System.Text.Json.JsonElement held = default;
        for (var i = 0; i < 60 && !(held.ValueKind != System.Text.Json.JsonValueKind.Undefined && held.GetProperty("held").GetBoolean()); i++)
        {
            await Task.Delay(100);
            held = (await client.GetJsonAsync("/api/migrations")).GetProperty("lock");
        }

        held.GetProperty("held").GetBoolean().ShouldBeTrue(held.ToString());
        held.GetProperty("pid").GetInt32().ShouldBeGreaterThan(0);
        held.GetProperty("text").GetString()!.ShouldStartWith("held by pid ");
        await running;
        (await client.GetJsonAsync("/api/migrations")).GetProperty("lock").GetProperty("held").GetBoolean().ShouldBeFalse();
    }
}

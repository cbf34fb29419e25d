using Npgsql;
using Strata.TestSupport;

namespace Strata.Testing.Tests;

/// <summary>The PostgreSQL pool: templates per migration set, clones per rent, the warm pool, leftovers.</summary>
[Collection(CleanTests.Name)]
public sealed class PostgresPoolTests
{
    [Fact]
    public async Task Parallel_rents_get_distinct_migrated_databases_that_are_dropped_after_use()
    {
        var server = await PostgresServer.SharedAsync();
        using var migrations = Migrations.Shop(nameof(Parallel_rents_get_distinct_migrated_databases_that_are_dropped_after_use));
        var names = new List<string>();
        await using (var pool = TestDatabases.ForPostgres(server.ConnectionString, migrations.Source, new TestDatabaseOptions { WarmClones = 2 }))
        {
            var rented = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => pool.RentAsync()));
            foreach (var database in rented)
            {
                (await CountAsync(database.ConnectionString, "SELECT count(*) FROM statuses")).ShouldBe(2);
                names.Add(database.Name);
            }

            names.Distinct().Count().ShouldBe(8);
            names.ShouldAllBe(n => n.StartsWith("strata_test_p" + Environment.ProcessId + "_", StringComparison.Ordinal));
            foreach (var database in rented)
            {
                await database.DisposeAsync();
            }
        }

        foreach (var name in names)
        {
            (await server.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{name}'")).ShouldBe(0);
        }
    }

    [Fact]
    public async Task The_template_is_named_by_the_migration_set_and_a_changed_migration_makes_a_new_one()
    {
        var server = await PostgresServer.SharedAsync();
        using var first = Migrations.Shop("one");
        using var same = Migrations.Shop("one");
        using var changed = Migrations.Shop("two");

        await using var a = TestDatabases.ForPostgres(server.ConnectionString, first.Source);
        await using var b = TestDatabases.ForPostgres(server.ConnectionString, same.Source);
        await using var c = TestDatabases.ForPostgres(server.ConnectionString, changed.Source);
        var templateA = await a.EnsureTemplateAsync();
        var templateB = await b.EnsureTemplateAsync();
        var templateC = await c.EnsureTemplateAsync();

        templateA.ShouldMatch("^strata_tpl_[0-9a-f]{12}$");
        templateB.ShouldBe(templateA);
        templateC.ShouldNotBe(templateA);
        await using var database = await c.RentAsync();
        (await CountAsync(database.ConnectionString, "SELECT count(*) FROM build_log WHERE marker = 'two'")).ShouldBe(1);
    }

    [Fact]
    public async Task Clean_drops_the_clones_of_dead_owners_and_half_built_templates_but_not_live_clones()
    {
        var server = await PostgresServer.SharedAsync();
        using var migrations = Migrations.Shop(nameof(Clean_drops_the_clones_of_dead_owners_and_half_built_templates_but_not_live_clones));
        await using var live = new PostgresTestServer(server.ConnectionString);
        var template = await live.EnsureTemplateAsync(migrations.Source, new Execution.MigratorOptions());
        var liveClone = await live.CloneAsync(template);
        var crashed = new PostgresTestServer(server.ConnectionString);
        var leftover = await crashed.CloneAsync(template);
        await crashed.DisposeAsync(); // the owner connection closes, as when a test process is killed
        await server.ExecuteAsync("CREATE DATABASE strata_tpl_0123456789ab");

        await using var cleaner = new PostgresTestServer(server.ConnectionString);
        var dropped = await cleaner.CleanAsync();

        dropped.ShouldContain(leftover);
        dropped.ShouldContain("strata_tpl_0123456789ab");
        dropped.ShouldNotContain(liveClone);
        dropped.ShouldNotContain(template);
        (await server.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname IN ('{leftover}', 'strata_tpl_0123456789ab')")).ShouldBe(0);
        await live.DropAsync(liveClone);
    }

    [Fact]
    public async Task A_failing_migration_fails_the_rent_with_its_error_and_leaves_no_ready_template()
    {
        var server = await PostgresServer.SharedAsync();
        using var migrations = new Migrations().Write("001_bad.sql", "CREATE TABLE t (id int);\nSELECT * FROM missing_table_" + Guid.NewGuid().ToString("N")[..8] + ";\n");
        await using var pool = TestDatabases.ForPostgres(server.ConnectionString, migrations.Source);

        var error = await Should.ThrowAsync<Errors.StrataException>(() => pool.RentAsync());

        error.Message.ShouldContain("missing_table_");
        error.Message.ShouldContain("001_bad.sql");
    }

    internal static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

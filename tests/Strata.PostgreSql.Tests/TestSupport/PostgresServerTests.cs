using System.Diagnostics;
using Npgsql;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.TestSupport;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task Shared_server_is_one_instance_that_accepts_connections()
    {
        var first = await PostgresServer.SharedAsync();
        var second = await PostgresServer.SharedAsync();

        second.ShouldBeSameAs(first);
        first.VersionNumber.ShouldBeGreaterThanOrEqualTo(130000);
        (await first.ScalarAsync<int>("SELECT 1")).ShouldBe(1);
    }

    [Fact]
    public async Task Throwaway_server_listens_on_loopback_with_durability_off()
    {
        var server = await PostgresServer.SharedAsync();
        if (!server.IsThrowaway)
        {
            server.ConnectionString.ShouldNotBeEmpty();
            return;
        }

        (await server.ScalarAsync<string>("SHOW listen_addresses")).ShouldBe("127.0.0.1");
        (await server.ScalarAsync<string>("SHOW fsync")).ShouldBe("off");
        (await server.ScalarAsync<string>("SHOW max_connections")).ShouldBe("200");
        (await server.ScalarAsync<string>("SELECT current_user")).ShouldBe("postgres");
    }

    [Fact]
    public async Task Created_database_is_empty_and_dropped_on_dispose()
    {
        var server = await PostgresServer.SharedAsync();
        var watch = Stopwatch.StartNew();
        var database = await server.CreateDatabaseAsync();
        var created = watch.Elapsed;

        (await database.ListTablesAsync()).ShouldBeEmpty();
        await database.ExecuteAsync("CREATE SCHEMA app; CREATE TABLE app.t (id int); CREATE TABLE public.u (id int)");
        (await database.ListTablesAsync()).ShouldBe(["app.t", "public.u"]);
        (await database.ListTablesAsync("app")).ShouldBe(["t"]);
        (await database.ScalarAsync<int>("SELECT $1::int + 1", 41)).ShouldBe(42);
        await using (var open = new NpgsqlConnection(database.ConnectionString))
        {
            await open.OpenAsync();
            await database.DisposeAsync();
        }

        (await server.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{database.Name}'")).ShouldBe(0);
        created.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Roles_made_for_a_database_can_log_in_and_are_dropped_with_it()
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync();
        var role = await database.CreateRoleAsync();
        await using (var connection = new NpgsqlConnection(role.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_user", connection);
            (await command.ExecuteScalarAsync()).ShouldBe(role.Name);
        }

        await database.DisposeAsync();
        (await server.ScalarAsync<long>($"SELECT count(*) FROM pg_roles WHERE rolname = '{role.Name}'")).ShouldBe(0);
    }

    [Fact]
    public void Temp_directory_holds_written_files_until_disposed()
    {
        string path;
        using (var directory = new TempDirectory())
        {
            path = directory.Path;
            var file = directory.WriteFile("migrations/001_x.sql", "SELECT 1;\r\n");
            File.ReadAllBytes(file).Length.ShouldBe(11);
            Directory.Exists(path).ShouldBeTrue();
        }

        Directory.Exists(path).ShouldBeFalse();
    }
}

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
    [PostgresMatrix]
    public async Task The_shared_server_runs_the_major_the_process_asked_for_and_a_supported_one_otherwise()
    {
        var server = await PostgresServer.SharedAsync();

        var major = server.VersionNumber / 10000;
        if (PostgresInstall.RequestedMajor is { } requested)
        {
            major.ShouldBe(requested, $"{PostgresInstall.MajorVariable}={requested}");
            server.IsThrowaway.ShouldBeTrue("a process asked for one major starts it itself, whatever STRATA_TEST_POSTGRES says");
        }

        PostgresInstall.SupportedMajors.ShouldContain(major);
    }

    [Fact]
    [PostgresMatrix]
    public async Task The_newest_psql_and_pg_dump_are_new_enough_for_the_server_and_run()
    {
        var server = await PostgresServer.SharedAsync();

        var client = PostgresClientPrograms.Find(server.VersionNumber / 10000);

        client.Major.ShouldBeGreaterThanOrEqualTo(server.VersionNumber / 10000);
        foreach (var program in new[] { client.Psql, client.PgDump })
        {
            using var process = Process.Start(new ProcessStartInfo(program, "--version") { RedirectStandardOutput = true })!;
            (await process.StandardOutput.ReadToEndAsync()).ShouldContain($"(PostgreSQL) {client.Major}.");
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0);
        }
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
    public async Task Created_database_is_empty_and_dropped_after_dispose()
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

        // The pool drops a returned database in the background.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await server.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{database.Name}'") > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await server.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{database.Name}'")).ShouldBe(0);
        created.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Databases_come_from_the_toolkit_as_UTF8_with_collation_C_and_its_owner_outlives_terminated_backends()
    {
        var server = await PostgresServer.SharedAsync();
        await using var database = await server.CreateDatabaseAsync();
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();

        database.Name.ShouldStartWith($"strata_test_p{Environment.ProcessId}_");
        (await database.ScalarAsync<string>("SELECT pg_encoding_to_char(encoding) || ' ' || datcollate || ' ' || datctype FROM pg_database WHERE datname = current_database()")).ShouldBe("UTF8 C C");
        // What a scenario may do to its own database (R11, the lock tests): the pool's owner connection lives on the
        // maintenance database, so the clones stay marked as alive and another process's clean leaves them alone.
        (await database.ScalarAsync<bool>("SELECT bool_and(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).ShouldBeTrue();
        var owners = await server.ScalarAsync<string>(
            $"SELECT string_agg(datname, ',') FROM pg_stat_activity WHERE application_name LIKE 'strata-test-owner p{Environment.ProcessId}\\_%'");
        owners.ShouldNotBeNull("the pool's owner connection is alive");
        owners.Split(',').ShouldNotContain(database.Name);
        await using var next = await server.CreateDatabaseAsync();
        (await next.ScalarAsync<int>("SELECT 1")).ShouldBe(1);
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

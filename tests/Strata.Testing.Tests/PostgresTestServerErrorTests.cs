using Strata.Configuration;
using Strata.Errors;
using Strata.Execution;
using Strata.TestSupport;

namespace Strata.Testing.Tests;

/// <summary>
/// What <c>strata test-db</c> does, called through the library: create, drop and clean test databases, with the
/// server's refusals as Strata's typed errors (the messages and categories the CLI prints and maps to exit codes).
/// </summary>
[Collection(CleanTests.Name)]
public sealed class PostgresTestServerErrorTests
{
    [Fact]
    public async Task Create_drop_and_clean_through_the_library_and_a_taken_name_is_a_typed_bad_input_error()
    {
        var server = await PostgresServer.SharedAsync();
        using var migrations = new Migrations().Write("001_t.sql", "CREATE TABLE t (id int);\n");
        var target = new DatabaseTarget(Dialect.PostgreSql, server.ConnectionString, "postgres://test@local/postgres", null);
        var name = "strata_lib_create_" + Environment.ProcessId;
        await using var tests = TestDatabases.PostgresServer(target);

        var template = await tests.EnsureTemplateAsync(migrations.Source, new MigratorOptions());
        await tests.CreateFromTemplateAsync(name, template);
        var taken = await Should.ThrowAsync<StrataException>(() => tests.CreateFromTemplateAsync(name, template));
        (await tests.IsTestDatabaseAsync(name)).ShouldBeTrue();
        (await tests.IsTestDatabaseAsync("postgres")).ShouldBeFalse("only what Strata's test tooling made may be dropped");

        taken.Category.ShouldBe(ErrorCategory.BadInput);
        taken.Message.ShouldBe($"the name '{name}' is taken: the server already has a database called that; nothing was created");
        taken.Hint.ShouldNotBeNull().ShouldStartWith("choose another --name");

        string leftover;
        await using (var crashed = new PostgresTestServer(server.ConnectionString))
        {
            leftover = await crashed.CloneAsync(template);
        }

        // The owner's session is closed, but its backend may still be exiting on a loaded server (and so still count
        // as connected): clean until the leftover goes, as a later `strata test-db clean` would.
        var dropped = new List<string>();
        for (var attempt = 0; attempt < 50 && !dropped.Contains(leftover); attempt++)
        {
            dropped.AddRange(await tests.CleanAsync());
            await Task.Delay(attempt == 0 ? 0 : 200);
        }

        await tests.DropAsync(name);

        dropped.ShouldContain(leftover, "its owner connection ended");
        dropped.ShouldNotContain(name, "test-db create databases are never cleaned");
        (await tests.IsTestDatabaseAsync(name)).ShouldBeFalse("dropped");
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_a_database_unavailable_error_naming_it()
    {
        var target = new DatabaseTarget(Dialect.PostgreSql, "Host=127.0.0.1;Port=1;Username=u;Password=secret-pw;Database=d;Timeout=3", "postgres://u@127.0.0.1:1/d", "secret-pw");
        await using var tests = TestDatabases.PostgresServer(target);

        var error = await Should.ThrowAsync<DatabaseUnavailableException>(() => tests.CleanAsync());

        error.Message.ShouldStartWith("cannot reach postgres://u@127.0.0.1:1/d: ");
        error.Message.ShouldNotContain("secret-pw");
        error.Category.ShouldBe(ErrorCategory.Unavailable);
    }

    [Fact]
    public async Task A_configured_database_that_does_not_exist_is_database_unavailable_with_createdb_as_the_fix()
    {
        var server = await PostgresServer.SharedAsync();
        var missing = "strata_missing_admin_" + Environment.ProcessId;
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = missing }.ConnectionString;
        var target = new DatabaseTarget(Dialect.PostgreSql, connection, $"postgres://test@local/{missing}", null);
        await using var tests = TestDatabases.PostgresServer(target);

        var error = await Should.ThrowAsync<DatabaseUnavailableException>(() => tests.CleanAsync());

        error.Category.ShouldBe(ErrorCategory.Unavailable);
        error.Message.ShouldBe($"cannot connect to postgres://test@local/{missing}: database \"{missing}\" does not exist (SQLSTATE 3D000)");
        error.Hint.ShouldNotBeNull().ShouldStartWith($"database '{missing}' does not exist: create it (createdb {missing})");
    }

    [Fact]
    public void A_sqlite_target_is_refused_with_the_file_copy_pools_as_the_way_to_go()
    {
        var target = new DatabaseTarget(Dialect.Sqlite, "/tmp/app.db", "sqlite:app.db", null);

        var error = Should.Throw<StrataException>(() => TestDatabases.PostgresServer(target));

        error.Category.ShouldBe(ErrorCategory.BadInput);
        error.Message.ShouldBe("test-db works on PostgreSQL; the configured database is sqlite:app.db");
        error.Hint.ShouldNotBeNull().ShouldContain("TestDatabases.ForSqlite");
    }

    [Fact]
    public void A_server_made_from_a_connection_string_is_named_without_its_password()
    {
        var tests = new PostgresTestServer("Host=db.example.com;Port=5433;Username=app;Password=secret-pw;Database=shop");

        tests.DisplayName.ShouldBe("postgres://app@db.example.com:5433/shop");
    }
}

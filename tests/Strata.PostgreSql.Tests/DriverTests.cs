using Npgsql;
using Strata.Errors;

namespace Strata.PostgreSql.Tests;

/// <summary>
/// <see cref="PostgreSqlDriver"/> reads the driver's failures for code that does not reference Npgsql (the CLI):
/// unreachable and refused are told apart, and a refusal carries the server's SQLSTATE and message.
/// </summary>
public sealed class DriverTests : DialectTest
{
    [Fact]
    public async Task A_server_refusal_is_a_driver_failure_with_the_servers_sqlstate_and_message_and_not_unreachable()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT * FROM no_such_table", connection);

        var error = await Should.ThrowAsync<Exception>(() => command.ExecuteScalarAsync());

        PostgreSqlDriver.IsDriverFailure(error).ShouldBeTrue();
        PostgreSqlDriver.IsUnreachable(error).ShouldBeFalse();
        PostgreSqlDriver.ServerError(error).ShouldBe(new PostgreSqlServerError("42P01", "relation \"no_such_table\" does not exist"));
    }

    [Fact]
    public async Task A_closed_port_is_unreachable_with_no_server_error()
    {
        var closed = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 5 }.ConnectionString;
        await using var connection = new NpgsqlConnection(closed);

        var error = await Should.ThrowAsync<Exception>(() => connection.OpenAsync());

        PostgreSqlDriver.IsDriverFailure(error).ShouldBeTrue();
        PostgreSqlDriver.IsUnreachable(error).ShouldBeTrue();
        PostgreSqlDriver.ServerError(error).ShouldBeNull();
    }

    [Fact]
    public void Exceptions_not_from_the_driver_are_neither_failures_nor_server_errors()
    {
        var error = new InvalidOperationException("not the driver");

        PostgreSqlDriver.IsDriverFailure(error).ShouldBeFalse();
        PostgreSqlDriver.IsUnreachable(error).ShouldBeFalse();
        PostgreSqlDriver.ServerError(error).ShouldBeNull();
    }

    [Fact]
    public void The_database_name_is_read_from_a_keyword_string()
    {
        PostgreSqlDriver.DatabaseName("Host=db.example.com;Database=shop;Username=app;Password=secret").ShouldBe("shop");
        PostgreSqlDriver.DatabaseName("Host=db.example.com").ShouldBeNull();
    }

    [Fact]
    public async Task Wiping_by_connection_string_drops_every_schema_and_leaves_an_empty_public()
    {
        await using (var connection = new NpgsqlConnection(Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE SCHEMA app; CREATE TABLE app.t (id int); CREATE TABLE public.u (id int);", connection);
            await command.ExecuteNonQueryAsync();
        }

        await PostgreSqlSchemaWipe.WipeAsync(Database.ConnectionString, CancellationToken.None);

        (await Database.ListTablesAsync()).ShouldBeEmpty();
        await using var check = new NpgsqlConnection(Database.ConnectionString);
        await check.OpenAsync();
        await using var schemas = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname IN ('app', 'public')", check);
        (await schemas.ExecuteScalarAsync()).ShouldBe(1L);
    }

    [Fact]
    public async Task Resetting_a_database_that_does_not_exist_is_unreachable_with_createdb_as_the_fix()
    {
        var missing = "strata_missing_reset_" + Environment.ProcessId;
        var connection = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = missing }.ConnectionString;
        var wipe = new PostgreSqlDialect(connection).SchemaRoles.Wipe.ShouldNotBeNull();

        var error = await Should.ThrowAsync<DatabaseUnavailableException>(() => wipe.WipeAsync("the missing database", CancellationToken.None));

        error.Category.ShouldBe(ErrorCategory.Unavailable);
        error.Hint.ShouldBe($"database '{missing}' does not exist: create it (createdb {missing}) or fix the database name");
    }
}

using Npgsql;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests;

/// <summary>
/// <see cref="PostgreSqlOptions.LoadDatabaseTypes"/>: off (as the CLI sets it), Strata's connections skip Npgsql's
/// catalog query for the database's own types, the heaviest query of a no-op run; on (the default), C# migrations can
/// read enums through Strata's connection. A <c>Server Compatibility Mode</c> in the connection string decides instead.
/// </summary>
public sealed class TypeLoadingTests : PostgresTestBase
{
    [Fact]
    public async Task Connections_read_the_databases_own_types_only_when_asked()
    {
        await Database.ExecuteAsync("CREATE TYPE mood AS ENUM ('happy', 'sad')");

        (await ReadEnumAsync(Database.ConnectionString, new PostgreSqlOptions())).ShouldBe("happy");
        (await ReadEnumAsync(Database.ConnectionString, new PostgreSqlOptions { LoadDatabaseTypes = false })).ShouldBeNull("the enum's type is unknown without type loading");
    }

    [Fact]
    public async Task A_compatibility_mode_in_the_connection_string_wins_over_the_option()
    {
        await Database.ExecuteAsync("CREATE TYPE mood AS ENUM ('happy', 'sad')");
        var loading = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { ["Server Compatibility Mode"] = "None" }.ConnectionString;

        (await ReadEnumAsync(loading, new PostgreSqlOptions { LoadDatabaseTypes = false })).ShouldBe("happy");
    }

    /// <summary>The enum value read as text, or null when Npgsql does not know the column's type.</summary>
    private static async Task<string?> ReadEnumAsync(string connectionString, PostgreSqlOptions options)
    {
        await using var dataSource = Connections.CreateDataSource(new NpgsqlConnectionStringBuilder(connectionString), options);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT 'happy'::mood", connection);
        try
        {
            return (string?)await command.ExecuteScalarAsync();
        }
        catch (Exception e) when (e is InvalidCastException or NotSupportedException)
        {
            return null;
        }
    }
}

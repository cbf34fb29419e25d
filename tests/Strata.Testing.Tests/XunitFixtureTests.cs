using Npgsql;
using Strata.Testing.Xunit;

namespace Strata.Testing.Tests;

/// <summary>The docs/testing.md example: every test writes to its own database and sees only its own rows.</summary>
public sealed class XunitFixtureTests(ShopDatabase shop) : DatabaseTest<ShopDatabase>(shop), IClassFixture<ShopDatabase>
{
    [Theory]
    [InlineData("ada")]
    [InlineData("bob")]
    [InlineData("eve")]
    public async Task Each_test_starts_from_the_migrated_empty_schema(string name)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO customers (name) VALUES ($1) RETURNING id", connection) { Parameters = { new() { Value = name } } };

        var id = (long)(await insert.ExecuteScalarAsync())!;

        id.ShouldBe(1);
    }
}

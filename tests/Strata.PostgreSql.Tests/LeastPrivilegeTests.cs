using Strata.History;

namespace Strata.PostgreSql.Tests;

/// <summary>A role that owns only its schema (no CREATE on the database) keeps its history there (R24a).</summary>
public sealed class LeastPrivilegeTests : DialectTest
{
    [Fact]
    public async Task A_schema_owner_without_database_create_creates_its_history_table()
    {
        var role = await Database.CreateRoleAsync();
        await Database.ExecuteAsync($"CREATE SCHEMA app AUTHORIZATION \"{role.Name}\"; REVOKE CREATE ON DATABASE \"{Database.Name}\" FROM PUBLIC");
        var history = new HistoryTableName(HistoryTableName.DefaultTable, "app");

        var session = await OpenAsync(history, connectionString: role.ConnectionString);
        await session.History.EnsureCreatedAsync(CancellationToken.None);
        await session.History.EnsureCreatedAsync(CancellationToken.None);

        (await Database.ListTablesAsync("app")).ShouldBe(["strata_migrations", "strata_migrations_audit"], ignoreOrder: true);
        (await Database.ScalarAsync<bool>("SELECT has_database_privilege($1, current_database(), 'CREATE')", role.Name)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_missing_history_schema_is_still_created_by_a_role_that_may()
    {
        var history = new HistoryTableName(HistoryTableName.DefaultTable, "fresh");

        var session = await OpenAsync(history);
        await session.History.EnsureCreatedAsync(CancellationToken.None);

        (await Database.ListTablesAsync("fresh")).ShouldContain("strata_migrations");
    }
}

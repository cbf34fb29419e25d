using Strata.Configuration;
using Strata.Conformance;
using Strata.Errors;
using Strata.Execution;
using Strata.History;
using Strata.Operations;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests;

/// <summary>
/// What a fleet run asks PostgreSQL's factory through the <see cref="DialectSet"/> (as the CLI does): the server's
/// connection headroom before fanning out, and the one-query history read of a schema-per-tenant fleet.
/// </summary>
public sealed class FleetFactoryTests : PostgresTestBase
{
    private static readonly DialectSet Set = new(PostgreSqlDialect.Factory);

    [Fact]
    public async Task Connection_headroom_is_the_role_limit_less_its_open_sessions_when_that_is_lower()
    {
        var role = await Database.CreateRoleAsync();
        await Server.ExecuteAsync($"ALTER ROLE \"{role.Name}\" CONNECTION LIMIT 3");

        var headroom = await Set.ReadConnectionHeadroomAsync(Set.Parse(role.ConnectionString, "."));

        headroom.ShouldBe(2);
    }

    [Fact]
    public async Task Connection_headroom_of_an_unreachable_server_is_the_unavailable_error()
    {
        var target = Set.Parse("postgres://app@127.0.0.1:1/shop", ".");

        var error = await Should.ThrowAsync<StrataException>(() => Set.ReadConnectionHeadroomAsync(target));

        error.Category.ShouldBe(ErrorCategory.Unavailable);
    }

    [Fact]
    public async Task Schema_histories_read_every_tenant_schema_in_one_database_and_an_empty_history_for_a_schema_without_one()
    {
        await Database.ExecuteAsync("CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b;");
        var target = Set.Parse(Database.ConnectionString, ".");
        var history = new HistoryTableName(schema: "tenant_a");
        var migrations = new MigrationSet().Add(1, "items", "CREATE TABLE items (id int);");
        await new Migrator(Set.Create(target, new DialectSettings { Schema = "tenant_a" }), migrations, new MigratorOptions { History = history })
            .MigrateAsync(cancellationToken: CancellationToken.None);
        FleetTarget Tenant(string schema) =>
            new(schema, Set.Create(target, new DialectSettings { Schema = schema }), new MigratorOptions { History = new HistoryTableName(schema: schema) });

        var reader = Set.CreateSchemaHistories(target).ShouldNotBeNull();
        var histories = await reader.ReadAsync([Tenant("tenant_a"), Tenant("tenant_b")], CancellationToken.None);

        histories["tenant_a"].Select(h => h.Name).ShouldBe(["items"]);
        histories["tenant_b"].ShouldBeEmpty();
    }
}

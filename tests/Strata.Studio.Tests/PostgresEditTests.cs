using System.Net;
using System.Text.Json;
using Strata.Configuration;
using Strata.TestSupport;

namespace Strata.Studio.Tests;

/// <summary>PostgreSQL write mode: values cast to the column's type, one row per change in a transaction, nothing without --write.</summary>
public sealed class PostgresEditTests : PostgresTestBase
{
    private StudioOptions Options(bool write) => new()
    {
        Database = new DatabaseTarget(Dialect.PostgreSql, Database.ConnectionString, "pg", null),
        Write = write,
    };

    private static async Task<(HttpStatusCode, JsonElement)> EditAsync(StudioClient client, object body)
    {
        using var response = await client.PostAsync("/api/edit", JsonSerializer.Serialize(body));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task An_edit_casts_values_to_the_column_type_and_runs_in_one_transaction_only_in_write_mode()
    {
        await Database.ExecuteAsync("""
            create type state as enum ('new', 'paid');
            create table orders (tenant int, id int, state state, total numeric(10,2), data jsonb, primary key (tenant, id));
            insert into orders values (1, 1, 'new', 10, '{}'), (1, 2, 'new', 20, null);
            """);
        await using (var readOnly = await StudioClient.StartAsync(Options(write: false)))
        {
            var (refused, _) = await EditAsync(readOnly, new { schema = "public", table = "orders", action = "delete", key = new List<string> { "1", "1" }, apply = true });
            refused.ShouldBe(HttpStatusCode.Forbidden);
        }

        await using var client = await StudioClient.StartAsync(Options(write: true));
        var update = new { schema = "public", table = "orders", action = "update", key = new List<string> { "1", "2" }, values = new Dictionary<string, string?> { ["state"] = "paid", ["total"] = "20.5", ["data"] = "{\"a\": 1}" }, apply = false };
        var (status, preview) = await EditAsync(client, update);
        status.ShouldBe(HttpStatusCode.OK, preview.ToString());
        preview.GetProperty("sql").GetString().ShouldBe("update \"public\".\"orders\" as r set \"state\" = cast($1::text as state), \"total\" = cast($2::text as numeric(10,2)), \"data\" = cast($3::text as jsonb) where r.\"tenant\" = cast($4::text as integer) and r.\"id\" = cast($5::text as integer)");
        (await Database.ScalarAsync<string>("select state::text from orders where id = 2")).ShouldBe("new");

        (status, var applied) = await EditAsync(client, update with { apply = true });
        status.ShouldBe(HttpStatusCode.OK, applied.ToString());
        (await Database.ScalarAsync<string>("select state::text || ' ' || total::text || ' ' || data::text from orders where id = 2")).ShouldBe("paid 20.50 {\"a\": 1}");

        var (wrong, error) = await EditAsync(client, update with { values = new Dictionary<string, string?> { ["state"] = "lost" }, apply = true });
        wrong.ShouldBe(HttpStatusCode.BadRequest);
        error.GetProperty("code").GetString().ShouldBe("22P02");
        (await Database.ScalarAsync<string>("select state::text from orders where id = 2")).ShouldBe("paid");
    }
}

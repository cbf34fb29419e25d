using System.Text;
using Strata.Configuration;
using Strata.TestSupport;

namespace Strata.Studio.Tests;

/// <summary>The schema view on PostgreSQL: structure from the catalog, the diagram as Mermaid.</summary>
public sealed class SchemaViewTests : PostgresTestBase
{
    [Fact]
    public async Task PostgreSQL_structure_has_columns_defaults_indexes_constraints_foreign_keys_triggers_and_comments()
    {
        await Database.ExecuteAsync("""
            create schema app;
            create table app.customers (id int primary key, email text not null unique);
            comment on table app.customers is 'who buys';
            create table app.orders (id bigint generated always as identity primary key, customer_id int not null references app.customers(id),
              total numeric(10,2) default 0 check (total >= 0), note text);
            comment on column app.orders.note is 'free text';
            create index orders_customer on app.orders (customer_id);
            create function app.touch() returns trigger language plpgsql as $$ begin return new; end $$;
            create trigger orders_touch before update on app.orders for each row execute function app.touch();
            """);
        await using var client = await StudioClient.StartAsync(new StudioOptions { Database = new DatabaseTarget(Dialect.PostgreSql, Database.ConnectionString, "pg", null) });
        var tables = (await client.GetJsonAsync("/api/schema")).GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("schema").GetString() + "." + t.GetProperty("name").GetString());
        tables["app.customers"].GetProperty("comment").GetString().ShouldBe("who buys");
        var orders = tables["app.orders"];
        var columns = orders.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        columns["total"].GetProperty("type").GetString().ShouldBe("numeric(10,2)");
        columns["total"].GetProperty("default").GetString().ShouldBe("0");
        columns["customer_id"].GetProperty("nullable").GetBoolean().ShouldBeFalse();
        columns["id"].GetProperty("key").GetBoolean().ShouldBeTrue();
        columns["note"].GetProperty("comment").GetString().ShouldBe("free text");
        orders.GetProperty("indexes").EnumerateArray().Select(i => i.GetProperty("definition").GetString()).ShouldContain("CREATE INDEX orders_customer ON app.orders USING btree (customer_id)");
        orders.GetProperty("constraints").EnumerateArray().Select(c => c.GetProperty("definition").GetString()).ShouldContain("CHECK ((total >= (0)::numeric))");
        var key = orders.GetProperty("foreignKeys").EnumerateArray().ShouldHaveSingleItem();
        (key.GetProperty("refTable").GetString(), key.GetProperty("refColumns")[0].GetString(), key.GetProperty("columns")[0].GetString()).ShouldBe(("customers", "id", "customer_id"));
        orders.GetProperty("triggers")[0].GetProperty("definition").GetString()!.ShouldContain("BEFORE UPDATE ON app.orders");

        var mermaid = Encoding.UTF8.GetString((await client.DownloadAsync("/api/diagram.mmd")).Body);
        mermaid.ShouldStartWith("erDiagram\n");
        mermaid.ShouldContain("  app_orders {\n    bigint id PK\n    integer customer_id FK\n    numeric_10_2_ total\n    text note\n  }");
        mermaid.ShouldContain("  app_customers ||--o{ app_orders : \"customer_id\"");
    }
}

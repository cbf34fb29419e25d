using System.Net;
using System.Text;
using System.Text.Json;
using Strata.Configuration;
using Strata.TestSupport;

namespace Strata.Studio.Tests;

/// <summary>PostgreSQL: sort with keyset paging, filters compared as the column's type, enums and foreign keys, bytea by key, export.</summary>
public sealed class PostgresGridTests : PostgresTestBase
{
    private StudioOptions Options(int pageSize = 100) => new()
    {
        Database = new DatabaseTarget(Dialect.PostgreSql, Database.ConnectionString, "postgres://127.0.0.1/" + Database.Name, null),
        PageSize = pageSize,
    };

    private Task OrdersAsync() => Database.ExecuteAsync("""
        create type state as enum ('new', 'paid', 'shipped');
        create table customers (id int primary key, name text);
        insert into customers values (1, 'ada'), (2, 'grace');
        create table orders (id int primary key, customer_id int references customers(id), state state, total numeric(10,2),
          placed timestamptz, data jsonb, receipt bytea);
        insert into orders select g, 1 + g % 2, (array['new','paid','shipped']::state[])[1 + g % 3], case when g % 4 = 0 then null else g * 10.5 end,
          '2026-01-01 00:00:00+00'::timestamptz + g * interval '1 hour', jsonb_build_object('n', g), decode(repeat('ab', g), 'hex')
        from generate_series(1, 30) g;
        """);

    private static List<string> Column(JsonElement page, int index) => page.GetProperty("rows").EnumerateArray().Select(r => r[index].ValueKind == JsonValueKind.Null ? "NULL" : r[index].ToString()).ToList();

    [Fact]
    public async Task Sorting_by_a_numeric_column_pages_by_key_after_the_sort_value_with_NULLs_last()
    {
        await OrdersAsync();
        await using var client = await StudioClient.StartAsync(Options(pageSize: 7));
        var totals = new List<string>();
        JsonElement? next = null;
        do
        {
            var page = await client.ViewAsync(new { schema = "public", table = "orders", sort = "total", desc = true, after = next?.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToList() });
            totals.AddRange(Column(page, 3));
            next = page.TryGetProperty("next", out var n) ? n : null;
        }
        while (next is not null);

        totals.Count.ShouldBe(30);
        var numbers = totals.TakeWhile(t => t != "NULL").Select(t => decimal.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        numbers.Count.ShouldBe(23);
        numbers.ShouldBe(numbers.OrderDescending());
        totals.Skip(23).ShouldAllBe(t => t == "NULL");
    }

    [Fact]
    public async Task Filters_compare_as_the_column_type_and_enum_and_foreign_key_are_described()
    {
        await OrdersAsync();
        await using var client = await StudioClient.StartAsync(Options());
        async Task<List<string>> Ids(params object[] filters) => Column(await client.ViewAsync(new { table = "orders", filters }), 0);
        // numeric: 100 > 99.5 as numbers (as text '100' < '99.5').
        (await Ids(new { column = "total", op = "gt", value = "300" })).ShouldBe(["29", "30"]);
        (await Ids(new { column = "placed", op = "lt", value = "2026-01-01T03:30:00Z" })).ShouldBe(["1", "2", "3"]);
        (await Ids(new { column = "state", op = "eq", value = "shipped" }, new { column = "id", op = "le", value = "10" })).ShouldBe(["2", "5", "8"]);
        (await Ids(new { column = "data", op = "contains", value = "\"n\": 17" })).ShouldBe(["17"]);
        using var wrong = await client.PostAsync("/api/rows", """{"table":"orders","filters":[{"column":"state","op":"eq","value":"lost"}]}""");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("22P02");

        var columns = (await client.ViewAsync(new { table = "orders" })).GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        columns["state"].GetProperty("values").EnumerateArray().Select(v => v.GetString()).ShouldBe(["new", "paid", "shipped"]);
        columns["state"].GetProperty("class").GetString().ShouldBe("enum");
        columns["customer_id"].GetProperty("references").GetProperty("table").GetString().ShouldBe("customers");
        columns["total"].GetProperty("class").GetString().ShouldBe("number");
        columns["placed"].GetProperty("class").GetString().ShouldBe("date");
        columns["data"].GetProperty("class").GetString().ShouldBe("json");
        columns["receipt"].GetProperty("class").GetString().ShouldBe("binary");
    }

    [Fact]
    public async Task Bytea_downloads_by_row_key_and_export_streams_the_view()
    {
        await OrdersAsync();
        await using var client = await StudioClient.StartAsync(Options(pageSize: 5));
        var receipt = await client.DownloadAsync("/api/cell?schema=public&table=orders&column=receipt&key=" + Uri.EscapeDataString("[\"3\"]"));
        receipt.Status.ShouldBe(HttpStatusCode.OK);
        receipt.Body.ShouldBe(new byte[] { 0xab, 0xab, 0xab });

        var view = Uri.EscapeDataString("""{"schema":"public","table":"orders","filters":[{"column":"customer_id","op":"eq","value":"2"}]}""");
        var json = JsonDocument.Parse((await client.DownloadAsync($"/api/export?format=json&view={view}")).Body).RootElement;
        json.GetArrayLength().ShouldBe(15);
        json[0].GetProperty("id").GetInt32().ShouldBe(1);
        json[0].GetProperty("total").GetDecimal().ShouldBe(10.5m);
        json[0].GetProperty("data").GetProperty("n").GetInt32().ShouldBe(1);
        json[0].GetProperty("receipt").GetString().ShouldBe("\\xab");
        json[0].GetProperty("state").GetString().ShouldBe("paid");
        var csv = Encoding.UTF8.GetString((await client.DownloadAsync($"/api/export?format=csv&view={view}")).Body).Split("\r\n");
        csv[0].ShouldBe("id,customer_id,state,total,placed,data,receipt");
        csv.Length.ShouldBe(17);
        csv[1].ShouldStartWith("1,2,paid,10.50,2026-01-01 ");
        csv[1].ShouldEndWith(",\"{\"\"n\"\": 1}\",\\xab");
    }
}

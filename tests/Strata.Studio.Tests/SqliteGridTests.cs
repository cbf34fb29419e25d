using System.Net;
using System.Text;
using System.Text.Json;

namespace Strata.Studio.Tests;

/// <summary>SQLite: sorting pages by key after the sort value (NULLs last), typed filters, column shapes, whole values and export.</summary>
public sealed class SqliteGridTests : IDisposable
{
    private readonly SqliteStudio _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    private Task PeopleAsync() => _sqlite.ExecuteAsync("""
        create table teams (id integer primary key, name text);
        insert into teams values (1, 'core'), (2, 'docs');
        create table people (id integer primary key, name text, age integer, team_id integer references teams(id),
          role text check (role in ('dev', 'lead', 'it''s me')), born date, profile json, photo blob);
        insert into people with recursive s(v) as (select 1 union all select v + 1 from s where v < 25)
          select v, 'p' || v, case when v % 5 = 0 then null else 20 + v % 7 end, 1 + v % 2, case v % 2 when 0 then 'dev' else 'lead' end,
                 date('2000-01-01', '+' || v || ' days'), json_object('n', v, 'tags', json_array('a', 'b')), zeroblob(v) from s;
        """);

    private static List<string> Column(JsonElement page, int index) => page.GetProperty("rows").EnumerateArray().Select(r => r[index].ValueKind == JsonValueKind.Null ? "NULL" : r[index].ToString()).ToList();

    [Fact]
    public async Task Sorting_by_a_column_pages_through_every_row_once_in_order_with_NULLs_last()
    {
        await PeopleAsync();
        await using var client = await StudioClient.StartAsync(_sqlite.Options(pageSize: 4));
        foreach (var desc in new[] { false, true })
        {
            var ages = new List<string>();
            var ids = new List<string>();
            JsonElement? next = null;
            do
            {
                var page = await client.ViewAsync(new { table = "people", sort = "age", desc, after = next?.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToList() });
                ages.AddRange(Column(page, 2));
                ids.AddRange(Column(page, 0));
                next = page.TryGetProperty("next", out var n) ? n : null;
            }
            while (next is not null);

            ids.Distinct().Count().ShouldBe(25);
            var numbers = ages.Where(a => a != "NULL").Select(int.Parse).ToList();
            numbers.ShouldBe(desc ? numbers.OrderDescending() : numbers.Order());
            ages.Skip(numbers.Count).ShouldAllBe(a => a == "NULL");
            ages.Count(a => a == "NULL").ShouldBe(5);
        }
    }

    [Fact]
    public async Task Typed_filters_compare_as_the_column_type_and_combine()
    {
        await PeopleAsync();
        await using var client = await StudioClient.StartAsync(_sqlite.Options());
        async Task<List<string>> Ids(params object[] filters) => Column(await client.ViewAsync(new { table = "people", filters }), 0);
        (await Ids(new { column = "age", op = "ge", value = "26" })).ShouldBe(["6", "13"]);
        (await Ids(new { column = "name", op = "contains", value = "P2" })).ShouldBe(["2", "20", "21", "22", "23", "24", "25"]);
        (await Ids(new { column = "age", op = "null" })).ShouldBe(["5", "10", "15", "20", "25"]);
        (await Ids(new { column = "born", op = "lt", value = "2000-01-04" }, new { column = "role", op = "eq", value = "lead" })).ShouldBe(["1"]);

        using var refused = await client.PostAsync("/api/rows", """{"table":"people","filters":[{"column":"nope","op":"eq","value":"1"}]}""");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("has no column nope");
    }

    [Fact]
    public async Task Columns_carry_their_class_enum_labels_and_foreign_key()
    {
        await PeopleAsync();
        await using var client = await StudioClient.StartAsync(_sqlite.Options());
        var columns = (await client.ViewAsync(new { table = "people" })).GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        columns["age"].GetProperty("class").GetString().ShouldBe("number");
        columns["born"].GetProperty("class").GetString().ShouldBe("date");
        columns["profile"].GetProperty("class").GetString().ShouldBe("json");
        columns["photo"].GetProperty("class").GetString().ShouldBe("binary");
        columns["photo"].GetProperty("sortable").GetBoolean().ShouldBeFalse();
        columns["role"].GetProperty("values").EnumerateArray().Select(v => v.GetString()).ShouldBe(["dev", "lead", "it's me"]);
        var reference = columns["team_id"].GetProperty("references");
        (reference.GetProperty("table").GetString(), reference.GetProperty("column").GetString()).ShouldBe(("teams", "id"));
    }

    [Fact]
    public async Task A_whole_value_is_read_by_the_row_key_and_bytes_download_as_a_file()
    {
        await PeopleAsync();
        await _sqlite.ExecuteAsync($"update people set name = '{new string('x', 3000)}' where id = 2");
        await using var client = await StudioClient.StartAsync(_sqlite.Options());
        var page = await client.ViewAsync(new { table = "people" });
        page.GetProperty("rowKeys")[6].EnumerateArray().Select(v => v.GetString()).ShouldBe(["7"]);
        var photo = await client.DownloadAsync("/api/cell?table=people&column=photo&key=" + Uri.EscapeDataString("[\"7\"]"));
        photo.Status.ShouldBe(HttpStatusCode.OK);
        photo.Type.ShouldBe("application/octet-stream");
        photo.Disposition!.ShouldContain("attachment");
        photo.Body.ShouldBe(new byte[7]);
        var name = await client.DownloadAsync("/api/cell?table=people&column=name&key=" + Uri.EscapeDataString("[\"2\"]"));
        Encoding.UTF8.GetString(name.Body).Length.ShouldBe(3000);
        (await client.DownloadAsync("/api/cell?table=people&column=name&key=" + Uri.EscapeDataString("[\"99\"]"))).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_writes_the_filtered_sorted_view_as_CSV_and_JSON()
    {
        await PeopleAsync();
        await _sqlite.ExecuteAsync("""update people set name = 'a, "quoted"' where id = 3; update people set name = '' where id = 1""");
        await using var client = await StudioClient.StartAsync(_sqlite.Options(pageSize: 2));
        var view = Uri.EscapeDataString("""{"table":"people","sort":"id","desc":true,"filters":[{"column":"id","op":"le","value":"5"}]}""");
        var csv = await client.DownloadAsync($"/api/export?format=csv&view={view}");
        csv.Status.ShouldBe(HttpStatusCode.OK, Encoding.UTF8.GetString(csv.Body));
        csv.Type.ShouldBe("text/csv");
        csv.Disposition!.ShouldContain("people.csv");
        var lines = Encoding.UTF8.GetString(csv.Body).Split("\r\n");
        lines[0].ShouldBe("id,name,age,team_id,role,born,profile,photo");
        lines.Skip(1).Select(l => l.Split(',')[0]).Where(l => l.Length > 0).ShouldBe(["5", "4", "3", "2", "1"]);
        lines[3].ShouldStartWith("3,\"a, \"\"quoted\"\"\",");
        lines[5].ShouldStartWith("1,\"\",");
        lines[1].ShouldContain(",,2,");

        var json = await client.DownloadAsync($"/api/export?format=json&view={view}");
        var rows = JsonDocument.Parse(json.Body).RootElement;
        rows.GetArrayLength().ShouldBe(5);
        rows[0].GetProperty("age").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[1].GetProperty("age").GetInt32().ShouldBe(24);
        rows[1].GetProperty("profile").GetProperty("tags")[1].GetString().ShouldBe("b");
        rows[1].GetProperty("photo").GetString().ShouldBe("\\x00000000");
        (await client.DownloadAsync("/api/export?format=xml&view=" + view)).Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}

using System.Net;
using System.Text.Json;

namespace Strata.Studio.Tests;

/// <summary>SQLite: the table list with estimates, keyset pages, NULL apart from empty, and a console that cannot write unless in write mode.</summary>
public sealed class SqliteDataTests : IDisposable
{
    private readonly SqliteStudio _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    [Fact]
    public async Task The_table_list_counts_at_most_1000_rows_of_a_table_without_statistics_and_uses_ANALYZE_estimates()
    {
        await _sqlite.ExecuteAsync("""
            create table big (id integer primary key);
            insert into big with recursive s(value) as (select 1 union all select value + 1 from s where value < 1500) select value from s;
            create table small (id integer primary key);
            insert into small values (1), (2);
            create view v as select * from small;
            """);
        await using var client = await StudioClient.StartAsync(_sqlite.Options());
        var tables = (await client.GetJsonAsync("/api/tables")).GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        tables["big"].GetProperty("rows").GetInt64().ShouldBe(1000);
        tables["big"].GetProperty("rowsAtLeast").GetBoolean().ShouldBeTrue();
        tables["small"].GetProperty("rows").GetInt64().ShouldBe(2);
        tables["v"].GetProperty("kind").GetString().ShouldBe("view");
        tables["v"].TryGetProperty("rows", out _).ShouldBeFalse();

        await _sqlite.ExecuteAsync("analyze");
        tables = (await client.GetJsonAsync("/api/tables")).GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        tables["big"].GetProperty("rows").GetInt64().ShouldBe(1500);
        tables["big"].GetProperty("rowsAtLeast").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Rows_page_by_primary_key_and_show_NULL_apart_from_empty_text_and_blobs_by_size()
    {
        await _sqlite.ExecuteAsync("""
            create table t (a integer, b text, note text, data blob, primary key (a, b));
            insert into t with recursive s(value) as (select 1 union all select value + 1 from s where value < 250) select value / 10, 'k' || (value % 10), case value % 3 when 0 then null when 1 then '' else 'x' end, randomblob(value) from s;
            """);
        await using var client = await StudioClient.StartAsync(_sqlite.Options(pageSize: 100));
        var seen = new List<string>();
        JsonElement? next = null;
        var pages = 0;
        do
        {
            var page = await client.RowsAsync("t", after: next?.EnumerateArray().Select(v => v.GetString()).ToList());
            page.GetProperty("paging").GetString().ShouldBe("key");
            page.GetProperty("columns")[0].GetProperty("key").GetBoolean().ShouldBeTrue();
            foreach (var row in page.GetProperty("rows").EnumerateArray())
            {
                seen.Add(row[0].GetString() + "/" + row[1].GetString());
                var note = row[2];
                note.ValueKind.ShouldBe(note.ValueKind == JsonValueKind.Null ? JsonValueKind.Null : JsonValueKind.String);
                row[3].GetProperty("bytes").GetInt64().ShouldBeGreaterThan(0);
            }

            next = page.TryGetProperty("next", out var n) ? n : null;
            pages++;
        }
        while (next is not null);

        pages.ShouldBe(3);
        seen.Count.ShouldBe(250);
        seen.Distinct().Count().ShouldBe(250);
        var first = await client.RowsAsync("t");
        var notes = first.GetProperty("rows").EnumerateArray().Select(r => r[2]).ToList();
        notes.ShouldContain(n => n.ValueKind == JsonValueKind.Null);
        notes.ShouldContain(n => n.ValueKind == JsonValueKind.String && n.GetString() == "");
    }

    [Fact]
    public async Task A_table_without_a_primary_key_pages_by_rowid_and_a_view_by_offset()
    {
        await _sqlite.ExecuteAsync("""
            create table heap (v text);
            insert into heap with recursive s(value) as (select 1 union all select value + 1 from s where value < 15) select 'v' || value from s;
            create view hv as select v from heap;
            """);
        await using var client = await StudioClient.StartAsync(_sqlite.Options(pageSize: 10));
        var page = await client.RowsAsync("heap");
        page.GetProperty("paging").GetString().ShouldBe("rowid");
        var second = await client.RowsAsync("heap", after: page.GetProperty("next").EnumerateArray().Select(v => v.GetString()).ToList());
        second.GetProperty("rows").GetArrayLength().ShouldBe(5);
        second.GetProperty("rows")[0][0].GetString().ShouldBe("v11");
        var view = await client.RowsAsync("hv");
        view.GetProperty("paging").GetString().ShouldBe("offset");
        view.GetProperty("nextOffset").GetInt64().ShouldBe(10);
        (await client.RowsAsync("hv", offset: 10)).GetProperty("rows").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task An_unknown_table_is_a_404_naming_it()
    {
        await _sqlite.ExecuteAsync("create table t (id integer primary key)");
        await using var client = await StudioClient.StartAsync(_sqlite.Options());
        using var response = await client.PostAsync("/api/rows", """{"table":"nope\"; drop table t; --"}""");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("no table or view nope");
        (await _sqlite.CountAsync("t")).ShouldBe(0);
    }

    [Theory]
    [InlineData("delete from t")]
    [InlineData("PRAGMA query_only = OFF; delete from t")]
    [InlineData("select 1; delete from t")]
    [InlineData("insert into t values (99)")]
    [InlineData("create table other (x)")]
    public async Task A_write_in_read_only_mode_fails_inside_SQLite(string sql)
    {
        await _sqlite.ExecuteAsync("create table t (id integer primary key); insert into t values (1), (2)");
        await using var client = await StudioClient.StartAsync(_sqlite.Options());
        var (status, body) = await client.SqlAsync(sql);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString()!.ShouldContain("readonly", Case.Insensitive);
        (await _sqlite.CountAsync("t")).ShouldBe(2);
        (await _sqlite.CountAsync("sqlite_schema")).ShouldBe(1);
    }

    [Fact]
    public async Task The_console_reads_in_read_only_mode_and_writes_in_write_mode()
    {
        await _sqlite.ExecuteAsync("create table t (id integer primary key, name text); insert into t values (1, null), (2, '')");
        await using (var reader = await StudioClient.StartAsync(_sqlite.Options()))
        {
            var (status, body) = await reader.SqlAsync("select id, name from t order by id");
            status.ShouldBe(HttpStatusCode.OK);
            body.GetProperty("readOnly").GetBoolean().ShouldBeTrue();
            body.GetProperty("rows")[0][1].ValueKind.ShouldBe(JsonValueKind.Null);
            body.GetProperty("rows")[1][1].GetString().ShouldBe("");
        }

        await using var writer = await StudioClient.StartAsync(_sqlite.Options(write: true));
        var (deleted, result) = await writer.SqlAsync("delete from t where id = 1");
        deleted.ShouldBe(HttpStatusCode.OK, result.ToString());
        result.GetProperty("affected").GetInt64().ShouldBe(1);
        (await _sqlite.CountAsync("t")).ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_SQLite_file_is_database_unavailable_and_is_not_created()
    {
        var error = await Should.ThrowAsync<Errors.DatabaseUnavailableException>(() => StudioServer.StartAsync(_sqlite.Options()));
        error.Message.ShouldContain("sqlite:app.db");
        File.Exists(_sqlite.Path).ShouldBeFalse();
    }
}

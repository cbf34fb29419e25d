using System.Net;
using System.Text.Json;

namespace Strata.Studio.Tests;

/// <summary>SQLite write mode: a change is previewed as its statement, runs only with --write, and touches exactly one row or nothing.</summary>
public sealed class SqliteEditTests : IDisposable
{
    private readonly SqliteStudio _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    private static string Edit(string action, object? key, object? values, bool apply) =>
        JsonSerializer.Serialize(new { table = "users", action, key, values, apply });

    private async Task<string> NameAsync(int id)
    {
        var client = await StudioClient.StartAsync(_sqlite.Options());
        await using (client)
        {
            var (_, body) = await client.SqlAsync($"select coalesce(name, '<null>') from users where id = {id}");
            return body.GetProperty("rows").GetArrayLength() == 0 ? "<gone>" : body.GetProperty("rows")[0][0].GetString()!;
        }
    }

    [Fact]
    public async Task A_preview_shows_the_statement_and_changes_nothing_and_applying_needs_write_mode()
    {
        await _sqlite.ExecuteAsync("create table users (id integer primary key, name text); insert into users values (1, 'ada')");
        await using (var readOnly = await StudioClient.StartAsync(_sqlite.Options()))
        {
            using var preview = await readOnly.PostAsync("/api/edit", Edit("update", new List<string> { "1" }, new { name = "grace" }, apply: false));
            var body = JsonDocument.Parse(await preview.Content.ReadAsStringAsync()).RootElement;
            preview.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
            body.GetProperty("sql").GetString().ShouldBe("update \"users\" as r set \"name\" = $1 where r.\"id\" = $2");
            body.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()).ShouldBe(["grace", "1"]);
            using var refused = await readOnly.PostAsync("/api/edit", Edit("update", new List<string> { "1" }, new { name = "grace" }, apply: true));
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("--write");
        }

        (await NameAsync(1)).ShouldBe("ada");
    }

    [Fact]
    public async Task Write_mode_updates_inserts_and_deletes_one_row_and_a_vanished_row_changes_nothing()
    {
        await _sqlite.ExecuteAsync("create table users (id integer primary key, name text); insert into users values (1, 'ada'), (2, 'linus')");
        await using var client = await StudioClient.StartAsync(_sqlite.Options(write: true));
        async Task<(HttpStatusCode, JsonElement)> Apply(string action, object? key, object? values)
        {
            using var response = await client.PostAsync("/api/edit", Edit(action, key, values, apply: true));
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        var (status, body) = await Apply("update", new List<string> { "1" }, new Dictionary<string, string?> { ["name"] = null });
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("affected").GetInt64().ShouldBe(1);
        (await NameAsync(1)).ShouldBe("<null>");
        (status, _) = await Apply("insert", null, new { id = "3", name = "grace" });
        status.ShouldBe(HttpStatusCode.OK);
        (await NameAsync(3)).ShouldBe("grace");
        (status, _) = await Apply("delete", new List<string> { "2" }, null);
        status.ShouldBe(HttpStatusCode.OK);
        (await NameAsync(2)).ShouldBe("<gone>");
        (status, body) = await Apply("update", new List<string> { "2" }, new { name = "again" });
        status.ShouldBe(HttpStatusCode.Conflict);
        body.GetProperty("error").GetString()!.ShouldContain("no row has that key any more");
        (status, body) = await Apply("update", new List<string> { "1" }, new { nope = "x" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString()!.ShouldContain("has no column nope");
    }
}

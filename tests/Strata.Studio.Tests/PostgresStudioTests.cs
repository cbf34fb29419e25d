using System.Net;
using System.Text.Json;
using Strata.Configuration;
using Strata.TestSupport;

namespace Strata.Studio.Tests;

/// <summary>
/// PostgreSQL: the console's read-only mode is enforced by the server and cannot be left from the console, the
/// estimates come from the catalog, pages go by key (or ctid), and the password never reaches the page.
/// </summary>
public sealed class PostgresStudioTests : PostgresTestBase
{
    private StudioOptions Options(bool write = false, int pageSize = 100, string? connectionString = null, string? password = null) => new()
    {
        Database = new DatabaseTarget(Dialect.PostgreSql, connectionString ?? Database.ConnectionString, "postgres://127.0.0.1/" + Database.Name, password),
        Write = write,
        PageSize = pageSize,
    };

    private async Task<long> CountAsync() => await Database.ScalarAsync<long>("select count(*) from t");

    [Theory]
    [PostgresMatrix]
    [InlineData("delete from t", "25006")]
    [InlineData("SET TRANSACTION READ WRITE; DELETE FROM t", "42601")]
    [InlineData("COMMIT; DELETE FROM t", "42601")]
    [InlineData("ROLLBACK; DELETE FROM t", "42601")]
    [InlineData("SET TRANSACTION READ WRITE", "25001")]
    [InlineData("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; DELETE FROM t", "42601")]
    [InlineData("DO $$ BEGIN SET TRANSACTION READ WRITE; DELETE FROM t; END $$", "25001")]
    [InlineData("select set_config('transaction_read_only', 'off', true), (select count(*) from t)", "25001")]
    [InlineData("with gone as (delete from t returning *) select count(*) from gone", "25006")]
    [InlineData("select nextval('s')", "25006")]
    [InlineData("create table other (x int)", "25006")]
    public async Task A_write_in_read_only_mode_fails_inside_PostgreSQL_and_cannot_leave_the_transaction(string sql, string code)
    {
        await Database.ExecuteAsync("create table t (id int primary key); insert into t values (1), (2); create sequence s");
        await using var client = await StudioClient.StartAsync(Options());
        var (status, body) = await client.SqlAsync(sql);
        status.ShouldBe(HttpStatusCode.BadRequest, body.ToString());
        // 25006: a write in a read-only transaction; 42601: PostgreSQL refuses a second statement in one extended-protocol
        // command (so COMMIT; DELETE never reaches the DELETE); 25001: too late to make the transaction read-write.
        body.GetProperty("code").GetString().ShouldBe(code);

        (await CountAsync()).ShouldBe(2);
        (await Database.ScalarAsync<long>("select last_value from s")).ShouldBe(1);
        (await Database.ScalarAsync<bool>("select to_regclass('other') is null")).ShouldBeTrue();
        var (after, _) = await client.SqlAsync("select count(*) from t");
        after.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Write_mode_commits_one_statement_and_still_refuses_two()
    {
        await Database.ExecuteAsync("create table t (id int primary key); insert into t values (1), (2), (3)");
        await using var client = await StudioClient.StartAsync(Options(write: true));
        var (status, body) = await client.SqlAsync("delete from t where id = 1");
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("affected").GetInt64().ShouldBe(1);
        body.GetProperty("readOnly").GetBoolean().ShouldBeFalse();
        (await CountAsync()).ShouldBe(2);
        var (two, refused) = await client.SqlAsync("delete from t where id = 2; delete from t where id = 3");
        two.ShouldBe(HttpStatusCode.BadRequest);
        refused.GetProperty("error").GetString()!.ShouldContain("one statement at a time");
        (await CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_console_query_returns_typed_text_NULL_apart_from_empty_and_stops_at_the_row_limit()
    {
        await using var client = await StudioClient.StartAsync(Options() with { MaxQueryRows = 5 });
        var (status, body) = await client.SqlAsync("select null::text as n, ''::text as e, 1.5::numeric as x, '2026-01-02 03:04:05+00'::timestamptz as ts, '\\x0102'::bytea as b, array[1,2] as a");
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        var row = body.GetProperty("rows")[0];
        row[0].ValueKind.ShouldBe(JsonValueKind.Null);
        row[1].GetString().ShouldBe("");
        row[2].GetString().ShouldBe("1.5");
        row[3].GetString()!.ShouldStartWith("2026-01-02T03:04:05");
        row[4].GetProperty("bytes").GetInt64().ShouldBe(2);
        row[5].GetString().ShouldBe("{1,2}");
        body.GetProperty("columns")[2].GetProperty("type").GetString().ShouldBe("numeric");

        var (many, rows) = await client.SqlAsync("select g from generate_series(1, 10000000) g");
        many.ShouldBe(HttpStatusCode.OK, rows.ToString());
        rows.GetProperty("rows").GetArrayLength().ShouldBe(5);
        rows.GetProperty("more").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Tables_show_catalog_estimates_and_rows_page_by_composite_key_or_ctid()
    {
        await Database.ExecuteAsync("""
            create schema app;
            create table app.orders (tenant int, id int, note text, primary key (tenant, id));
            insert into app.orders select g % 3, g, case g % 3 when 0 then null when 1 then '' else repeat('x', 2000) end from generate_series(1, 25) g;
            create table heap (v text);
            insert into heap select 'v' || g from generate_series(1, 12) g;
            analyze app.orders;
            """);
        await using var client = await StudioClient.StartAsync(Options(pageSize: 10));
        var tables = (await client.GetJsonAsync("/api/tables")).GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("schema").GetString() + "." + t.GetProperty("name").GetString());
        tables["app.orders"].GetProperty("rows").GetInt64().ShouldBe(25);
        tables.ShouldContainKey("public.heap");

        var keys = new List<string>();
        IReadOnlyList<string?>? after = null;
        do
        {
            var page = await client.RowsAsync("orders", "app", after);
            page.GetProperty("paging").GetString().ShouldBe("key");
            foreach (var row in page.GetProperty("rows").EnumerateArray())
            {
                keys.Add(row[0].GetString() + "/" + row[1].GetString());
                if (row[2].ValueKind == JsonValueKind.Object)
                {
                    row[2].GetProperty("truncated").GetBoolean().ShouldBeTrue();
                    row[2].GetProperty("text").GetString()!.Length.ShouldBe(1000);
                }
            }

            after = page.TryGetProperty("next", out var next) ? next.EnumerateArray().Select(v => v.GetString()).ToList() : null;
        }
        while (after is not null);

        keys.Count.ShouldBe(25, string.Join(" ", keys));
        keys.Distinct().Count().ShouldBe(25);
        var heap = await client.RowsAsync("heap");
        heap.GetProperty("paging").GetString().ShouldBe("ctid");
        var rest = await client.RowsAsync("heap", after: heap.GetProperty("next").EnumerateArray().Select(v => v.GetString()).ToList());
        rest.GetProperty("rows").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task The_password_never_reaches_the_page()
    {
        await Database.ExecuteAsync("create table t (id int primary key)");
        var role = await Database.CreateRoleAsync();
        await Database.ExecuteAsync($"grant select on t to \"{role.Name}\"");
        await using var client = await StudioClient.StartAsync(Options(connectionString: role.ConnectionString, password: role.Password));
        var answers = new List<string>
        {
            (await client.GetJsonAsync("/api/info")).ToString(),
            (await client.GetJsonAsync("/api/tables")).ToString(),
            (await client.SqlAsync("select current_setting('application_name'), 1/0")).Body.ToString(),
            (await client.SqlAsync($"select '{role.Password}'::int")).Body.ToString(),
        };
        using (var page = await client.GetAsync("/"))
        {
            answers.Add(await page.Content.ReadAsStringAsync());
        }

        answers[2].ShouldContain("division by zero");
        foreach (var answer in answers)
        {
            answer.ShouldNotContain(role.Password);
        }
    }
}

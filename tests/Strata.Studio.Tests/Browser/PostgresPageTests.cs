using Strata.Configuration;
using Strata.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Strata.Studio.Tests.Browser;

/// <summary>The studio page in Chromium on the suite's PostgreSQL: browsing a schema's table, and a write refused by the server.</summary>
[Collection(BrowserTests.Name)]
public sealed class PostgresPageTests(Chromium chromium) : PostgresTestBase
{
    private StudioOptions Options(bool write = false) => new()
    {
        Database = new DatabaseTarget(Dialect.PostgreSql, Database.ConnectionString, "postgres://127.0.0.1/" + Database.Name, null),
        Write = write,
        PageSize = 2,
    };

    [Fact]
    public async Task A_table_of_another_schema_pages_by_key_in_the_browser()
    {
        await Database.ExecuteAsync("""
            create schema app;
            create table app.orders (id int primary key, note text);
            insert into app.orders values (1, 'first'), (2, null), (3, 'third');
            analyze app.orders;
            """);
        await using var studio = await StudioPage.OpenAsync(chromium, Options());
        await Expect(studio.Table("orders")).ToContainTextAsync("app.orders");
        await studio.Table("orders").ClickAsync();
        await Expect(studio.Page.Locator("#table-title")).ToHaveTextAsync("app.orders");
        await Expect(studio.Page.Locator("#table-grid tbody tr")).ToHaveCountAsync(2);
        await Expect(studio.GridRow(1)).ToHaveTextAsync(["2", "NULL"]);
        await studio.Page.ClickAsync("#next-page");
        await Expect(studio.Page.Locator("#page-info")).ToContainTextAsync("page 2");
        await Expect(studio.Page.Locator("#table-grid tbody tr")).ToHaveCountAsync(1);
        await Expect(studio.GridRow(0)).ToHaveTextAsync(["3", "third"]);
    }

    [Fact]
    public async Task A_write_in_read_only_mode_is_refused_by_PostgreSQL_and_shown_with_its_code()
    {
        await Database.ExecuteAsync("create table t (id int primary key); insert into t values (1), (2)");
        await using var studio = await StudioPage.OpenAsync(chromium, Options());
        await studio.RunSqlAsync("COMMIT; DELETE FROM t");
        await Expect(studio.Page.Locator("#sql-error")).ToContainTextAsync("42601");
        await Expect(studio.Page.Locator("#sql-error")).ToContainTextAsync("one statement at a time");
        await studio.RunSqlAsync("delete from t");
        await Expect(studio.Page.Locator("#sql-error")).ToContainTextAsync("25006: cannot execute DELETE in a read-only transaction");
        (await Database.ScalarAsync<long>("select count(*) from t")).ShouldBe(2);

        await studio.RunSqlAsync("select count(*) as n from t");
        await Expect(studio.Page.Locator("#sql-grid tbody td")).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task An_enum_column_filters_by_its_labels_and_a_foreign_key_opens_the_referenced_row()
    {
        await Database.ExecuteAsync("""
            create type state as enum ('new', 'paid', 'shipped');
            create table customers (id int primary key, name text);
            insert into customers values (1, 'ada'), (2, 'grace');
            create table orders (id int primary key, customer_id int references customers(id), state state);
            insert into orders values (1, 1, 'new'), (2, 2, 'paid'), (3, 2, 'shipped');
            """);
        await using var studio = await StudioPage.OpenAsync(chromium, Options() with { PageSize = 100 });
        var page = studio.Page;
        await studio.Table("orders").ClickAsync();
        await Expect(page.Locator("#table-grid tbody tr")).ToHaveCountAsync(3);
        await page.SelectOptionAsync("#filter-column", "state");
        await Expect(page.Locator("select#filter-value option")).ToHaveTextAsync(["new", "paid", "shipped"]);
        await page.SelectOptionAsync("select#filter-value", "shipped");
        await page.ClickAsync("#add-filter");
        await Expect(page.Locator("#table-grid tbody tr td")).ToHaveTextAsync(["3", "2", "shipped"]);
        await page.Locator("#table-grid a.fk").ClickAsync();
        await Expect(page.Locator("#table-title")).ToHaveTextAsync("public.customers");
        await Expect(page.Locator("#table-grid tbody tr td")).ToHaveTextAsync(["2", "grace"]);
    }
}

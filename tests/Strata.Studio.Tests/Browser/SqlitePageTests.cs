using System.Text.RegularExpressions;
using Strata.Execution;
using Strata.Lint;
using Strata.Sources;
using Strata.Sqlite;
using static Microsoft.Playwright.Assertions;

namespace Strata.Studio.Tests.Browser;

/// <summary>The studio page in Chromium on a SQLite database: what a user sees and can do.</summary>
[Collection(BrowserTests.Name)]
public sealed class SqlitePageTests(Chromium chromium) : IDisposable
{
    private readonly SqliteStudio _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    private Task UsersAsync() => _sqlite.ExecuteAsync("""
        create table users (id integer primary key, name text not null, note text);
        insert into users values (1, 'ada', null), (2, 'grace', ''), (3, 'linus', 'kernel');
        create table empty_things (id integer primary key);
        """);

    [Fact]
    public async Task Without_the_launch_token_the_page_is_refused_and_with_it_the_tables_are_listed()
    {
        await UsersAsync();
        await using var studio = await StudioServer.StartAsync(_sqlite.Options());
        var context = await chromium.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var bare = await page.GotoAsync(studio.Address.ToString());
            bare!.Status.ShouldBe(401);
            await Expect(page.Locator("body")).ToContainTextAsync("not signed in");
            var wrong = await page.GotoAsync(studio.Address + "?token=not-the-token");
            wrong!.Status.ShouldBe(403);
            await Expect(page.Locator("body")).ToContainTextAsync("wrong token");

            await page.GotoAsync(studio.LaunchUrl.ToString());
            await Expect(page).ToHaveURLAsync(studio.Address.ToString());
            await Expect(page.Locator("#table-list li")).ToHaveCountAsync(2);
            await Expect(page.Locator("#database")).ToHaveTextAsync("sqlite:app.db");
            await Expect(page.Locator("#mode")).ToHaveTextAsync("read-only");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Opening_a_table_shows_its_rows_with_NULL_apart_from_empty()
    {
        await UsersAsync();
        await using var studio = await StudioPage.OpenAsync(chromium, _sqlite.Options());
        await Expect(studio.Table("users")).ToContainTextAsync("3");
        await studio.Table("users").ClickAsync();
        await Expect(studio.Page.Locator("#table-grid tbody tr")).ToHaveCountAsync(3);
        await Expect(studio.GridRow(0)).ToHaveTextAsync(["1", "ada", "NULL"]);
        await Expect(studio.GridRow(0).Nth(2)).ToHaveClassAsync("null");
        await Expect(studio.GridRow(1).Nth(2)).ToHaveClassAsync("empty");
        await Expect(studio.GridRow(2)).ToHaveTextAsync(["3", "linus", "kernel"]);
        await Expect(studio.Page.Locator("#page-info")).ToContainTextAsync("paged by key");
        await studio.ScreenshotAsync("tables");
    }

    [Fact]
    public async Task The_console_shows_a_query_result_and_a_refused_write_leaves_the_table_unchanged()
    {
        await UsersAsync();
        await using var studio = await StudioPage.OpenAsync(chromium, _sqlite.Options());
        await studio.RunSqlAsync("select name, length(name) as letters from users order by id");
        await Expect(studio.Page.Locator("#sql-info")).ToHaveTextAsync("3 row(s)");
        await Expect(studio.Page.Locator("#sql-grid tbody tr").Nth(1).Locator("td")).ToHaveTextAsync(["grace", "5"]);
        await studio.ScreenshotAsync("sql");

        await studio.RunSqlAsync("delete from users");
        await Expect(studio.Page.Locator("#sql-error")).ToBeVisibleAsync();
        await Expect(studio.Page.Locator("#sql-error")).ToContainTextAsync(new Regex("readonly database"));
        await studio.ScreenshotAsync("read-only");
        (await _sqlite.CountAsync("users")).ShouldBe(3);
    }

    [Fact]
    public async Task The_migrations_view_shows_history_pending_lint_findings_each_file_SQL_and_drift()
    {
        var folder = Path.Combine(_sqlite.Folder, "migrations");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "001_users.sql"), "create table users (id integer primary key, name text);\n");
        Migrator Migrator() => new(new SqliteDialect(_sqlite.Path), new DirectoryMigrationSource(folder, _sqlite.Folder));
        await Migrator().MigrateAsync();
        await File.WriteAllTextAsync(Path.Combine(folder, "001_users.sql"), "create table users (id integer primary key, name text, email text);\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "002_drop_users.sql"), "drop table users;\n");

        await using var studio = await StudioPage.OpenAsync(chromium, _sqlite.Options() with { Migrations = Migrator, Lint = new LintOptions { Dialect = Dialect.Sqlite } });
        await studio.Page.ClickAsync("nav button[data-view='migrations']");
        var rows = studio.Page.Locator("#migrations-table tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(1)).ToHaveClassAsync("status-changed");
        await Expect(rows.Nth(2)).ToHaveClassAsync("status-pending");
        await Expect(studio.Page.Locator("#findings-table")).ToContainTextAsync("drop-table");
        await Expect(studio.Page.Locator("#migration-lock")).ToContainTextAsync("SQLite has no migration lock");
        await rows.Nth(2).ClickAsync();
        await Expect(studio.Page.Locator("#migration-detail pre.sql")).ToHaveTextAsync("drop table users;\n");
        await rows.Nth(1).ClickAsync();
        await Expect(studio.Page.Locator("#migration-detail .error")).ToContainTextAsync("Drift: the file changed after it was applied");
        await Expect(studio.Page.Locator("#migration-detail pre.sql")).ToContainTextAsync("email text");
        await studio.ScreenshotAsync("migrations");
    }
}

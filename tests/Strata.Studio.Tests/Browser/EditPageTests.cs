using static Microsoft.Playwright.Assertions;

namespace Strata.Studio.Tests.Browser;

/// <summary>Write mode in Chromium: an edit previewed as SQL, then run; read-only mode offers no editing.</summary>
[Collection(BrowserTests.Name)]
public sealed class EditPageTests(Chromium chromium) : IDisposable
{
    private readonly SqliteStudio _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    private Task UsersAsync() => _sqlite.ExecuteAsync("create table users (id integer primary key, name text, role text check (role in ('dev', 'lead'))); insert into users values (1, 'ada', 'lead'), (2, 'linus', 'dev')");

    [Fact]
    public async Task In_write_mode_an_edit_shows_its_SQL_first_and_then_changes_the_row()
    {
        await UsersAsync();
        await using var studio = await StudioPage.OpenAsync(chromium, _sqlite.Options(write: true));
        var page = studio.Page;
        await Expect(page.Locator("#mode")).ToHaveTextAsync("write mode");
        await studio.Table("users").ClickAsync();
        await page.Locator("#table-grid tbody tr").Nth(1).Locator("button.edit").ClickAsync();
        await page.FillAsync("#edit-fields input[name='name']", "linus t.");
        await page.SelectOptionAsync("#edit-fields select[name='role']", "lead");
        await page.ClickAsync("#edit-preview");
        await Expect(page.Locator("#edit-sql")).ToHaveTextAsync("update \"users\" as r set \"name\" = $1, \"role\" = $2 where r.\"id\" = $3\n-- $1 = 'linus t.'\n-- $2 = 'lead'\n-- $3 = '2'");
        (await _sqlite.CountAsync("users where name = 'linus'")).ShouldBe(1);
        await studio.ScreenshotAsync("edit");
        await page.ClickAsync("#edit-run");
        await Expect(studio.GridRow(1).Nth(1)).ToHaveTextAsync("linus t.");
        (await _sqlite.CountAsync("users where name = 'linus t.' and role = 'lead'")).ShouldBe(1);

        await page.Locator("#table-grid tbody tr").Nth(0).Locator("button.delete").ClickAsync();
        await page.ClickAsync("#edit-preview");
        await Expect(page.Locator("#edit-sql")).ToContainTextAsync("delete from \"users\" as r where r.\"id\" = $1");
        await page.ClickAsync("#edit-run");
        await Expect(page.Locator("#table-grid tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Read_only_mode_shows_no_editing()
    {
        await UsersAsync();
        await using var studio = await StudioPage.OpenAsync(chromium, _sqlite.Options());
        await studio.Table("users").ClickAsync();
        await Expect(studio.Page.Locator("#table-grid tbody tr")).ToHaveCountAsync(2);
        await Expect(studio.Page.Locator("#table-grid button.edit")).ToHaveCountAsync(0);
        await Expect(studio.Page.Locator("#insert-row")).ToBeHiddenAsync();
    }
}

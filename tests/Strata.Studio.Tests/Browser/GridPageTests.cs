using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Strata.Studio.Tests.Browser;

/// <summary>The grid in Chromium (SQLite): sort by a header, typed filters, enum labels, a foreign key followed, json, a download, export.</summary>
[Collection(BrowserTests.Name)]
public sealed class GridPageTests(Chromium chromium) : IDisposable
{
    private readonly SqliteStudio _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    private async Task<StudioPage> OpenPeopleAsync()
    {
        await _sqlite.ExecuteAsync("""
            create table teams (id integer primary key, name text);
            insert into teams values (1, 'core'), (2, 'docs');
            create table people (id integer primary key, name text, age integer, team_id integer references teams(id),
              role text check (role in ('dev', 'lead')), profile json, photo blob);
            insert into people values
              (1, 'ada', 36, 1, 'lead', '{"langs":["en","fr"],"since":1843}', x'0102030405'),
              (2, 'grace', 85, 2, 'dev', '{"langs":["en"]}', null),
              (3, 'linus', null, 1, 'dev', null, x'ff'),
              (4, 'barbara', 29, 2, 'lead', '{}', null);
            """);
        var studio = await StudioPage.OpenAsync(chromium, _sqlite.Options());
        await studio.Table("people").ClickAsync();
        await Expect(studio.Page.Locator("#table-grid tbody tr")).ToHaveCountAsync(4);
        return studio;
    }

    private static ILocator Ages(StudioPage studio) => studio.Page.Locator("#table-grid tbody tr td:nth-child(3)");

    [Fact]
    public async Task Clicking_a_header_sorts_ascending_then_descending_with_NULL_last()
    {
        await using var studio = await OpenPeopleAsync();
        var header = studio.Page.Locator("#table-grid th[data-column='age']");
        await header.ClickAsync();
        await Expect(Ages(studio)).ToHaveTextAsync(["29", "36", "85", "NULL"]);
        await Expect(header).ToContainTextAsync("↑");
        await header.ClickAsync();
        await Expect(Ages(studio)).ToHaveTextAsync(["85", "36", "29", "NULL"]);
        await header.ClickAsync();
        await Expect(Ages(studio)).ToHaveTextAsync(["36", "85", "NULL", "29"]);
    }

    [Fact]
    public async Task Filters_offer_the_column_type_operators_and_enum_labels_and_can_be_removed()
    {
        await using var studio = await OpenPeopleAsync();
        var page = studio.Page;
        await page.SelectOptionAsync("#filter-column", "age");
        await Expect(page.Locator("#filter-op option")).ToHaveTextAsync(["=", "≠", "<", "≤", ">", "≥", "is NULL", "is not NULL"]);
        await page.SelectOptionAsync("#filter-op", "ge");
        await page.FillAsync("#filter-value", "30");
        await page.ClickAsync("#add-filter");
        await Expect(Ages(studio)).ToHaveTextAsync(["36", "85"]);

        await page.SelectOptionAsync("#filter-column", "role");
        await Expect(page.Locator("select#filter-value option")).ToHaveTextAsync(["dev", "lead"]);
        await page.SelectOptionAsync("select#filter-value", "dev");
        await page.ClickAsync("#add-filter");
        await Expect(page.Locator("#filters .chip")).ToHaveTextAsync(["age ≥ 30 ×", "role = dev ×"]);
        await Expect(page.Locator("#table-grid tbody tr td:nth-child(2)")).ToHaveTextAsync(["grace"]);
        await page.Locator("#table-grid th[data-column='name']").ClickAsync();
        await studio.ScreenshotAsync("grid");

        await page.Locator("#filters .chip").First.Locator("button").ClickAsync();
        await Expect(page.Locator("#table-grid tbody tr td:nth-child(2)")).ToHaveTextAsync(["grace", "linus"]);
    }

    [Fact]
    public async Task A_foreign_key_opens_the_referenced_row_and_json_shows_pretty_printed()
    {
        await using var studio = await OpenPeopleAsync();
        var page = studio.Page;
        await page.Locator("#table-grid tbody tr").Nth(1).Locator("a.fk").ClickAsync();
        await Expect(page.Locator("#table-title")).ToHaveTextAsync("main.teams");
        await Expect(page.Locator("#filters .chip")).ToHaveTextAsync(["id = 2 ×"]);
        await Expect(page.Locator("#table-grid tbody tr td")).ToHaveTextAsync(["2", "docs"]);

        await studio.Table("people").ClickAsync();
        await page.Locator("#table-grid tbody tr").First.Locator("td.json").ClickAsync();
        await Expect(page.Locator("#value-title")).ToHaveTextAsync("profile");
        (await page.Locator("#value-text").TextContentAsync()).ShouldBe("{\n  \"langs\": [\n    \"en\",\n    \"fr\"\n  ],\n  \"since\": 1843\n}");
        await studio.ScreenshotAsync("json");
    }

    [Fact]
    public async Task Bytes_download_as_a_file_and_the_filtered_view_exports_as_CSV_and_JSON()
    {
        await using var studio = await OpenPeopleAsync();
        var page = studio.Page;
        var link = page.Locator("#table-grid tbody tr").First.Locator("a.download");
        await Expect(link).ToHaveTextAsync("5 bytes ⤓");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(new byte[] { 1, 2, 3, 4, 5 });

        await page.SelectOptionAsync("#filter-column", "team_id");
        await page.SelectOptionAsync("#filter-op", "eq");
        await page.FillAsync("#filter-value", "1");
        await page.ClickAsync("#add-filter");
        await Expect(page.Locator("#table-grid tbody tr")).ToHaveCountAsync(2);
        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        csv.SuggestedFilename.ShouldBe("people.csv");
        var lines = (await File.ReadAllTextAsync((await csv.PathAsync())!)).Split("\r\n");
        lines[0].ShouldBe("id,name,age,team_id,role,profile,photo");
        lines[1].ShouldStartWith("1,ada,36,1,lead,");
        lines[2].ShouldBe("3,linus,,1,dev,,\\xff");
        var json = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
        var rows = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync((await json.PathAsync())!)).RootElement;
        rows.GetArrayLength().ShouldBe(2);
        rows[0].GetProperty("profile").GetProperty("since").GetInt32().ShouldBe(1843);
    }
}

using static Microsoft.Playwright.Assertions;

namespace Strata.Studio.Tests.Browser;

/// <summary>The schema view in Chromium: the diagram drawn, a table's structure, the Mermaid text and its download.</summary>
[Collection(BrowserTests.Name)]
public sealed class SchemaPageTests(Chromium chromium) : IDisposable
{
    private readonly SqliteStudio _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    [Fact]
    public async Task The_schema_view_draws_the_diagram_shows_a_table_structure_and_exports_Mermaid()
    {
        await _sqlite.ExecuteAsync("""
            create table teams (id integer primary key, name text not null);
            create table people (id integer primary key, team_id integer references teams(id), name text default 'anonymous');
            create index people_team on people (team_id);
            """);
        await using var studio = await StudioPage.OpenAsync(chromium, _sqlite.Options());
        var page = studio.Page;
        await page.ClickAsync("nav button[data-view='schema']");
        await Expect(page.Locator("#schema-list li")).ToHaveCountAsync(2);
        await page.WaitForFunctionAsync("() => document.getElementById('diagram-image').naturalWidth > 200");
        await page.Locator("#schema-list li[data-table='people']").ClickAsync();
        await Expect(page.Locator("#structure tbody tr").Nth(2).Locator("td")).ToHaveTextAsync(["name", "TEXT", "null", "'anonymous'", "", ""]);
        await Expect(page.Locator("#schema-detail")).ToContainTextAsync("(team_id) → main.teams (id)");
        await Expect(page.Locator("#schema-detail")).ToContainTextAsync("CREATE INDEX people_team on people (team_id)");
        await studio.ScreenshotAsync("schema");

        await page.ClickAsync("#show-mermaid");
        await Expect(page.Locator("#mermaid-text")).ToContainTextAsync("teams ||--o{ people : \"team_id\"");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-mermaid"));
        download.SuggestedFilename.ShouldBe("schema.mmd");
        (await File.ReadAllTextAsync((await download.PathAsync())!)).ShouldStartWith("erDiagram");
    }
}

using Microsoft.Playwright;

namespace Strata.Studio.Tests.Browser;

/// <summary>A studio started for one test and a fresh browser profile that opened its launch address; both are stopped after.</summary>
public sealed class StudioPage : IAsyncDisposable
{
    private StudioPage(StudioServer server, IBrowserContext context, IPage page)
    {
        Server = server;
        Context = context;
        Page = page;
    }

    public StudioServer Server { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Starts the studio, opens its launch address and waits until the table list has loaded.</summary>
    public static async Task<StudioPage> OpenAsync(Chromium chromium, StudioOptions options)
    {
        var server = await StudioServer.StartAsync(options);
        try
        {
            var context = await chromium.NewContextAsync();
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            await page.GotoAsync(server.LaunchUrl.ToString());
            await Assertions.Expect(page).ToHaveURLAsync(server.Address.ToString());
            await page.Locator("#mode").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex(".+") }).WaitForAsync();
            return new StudioPage(server, context, page);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The table's entry in the list.</summary>
    public ILocator Table(string name) => Page.Locator($"#table-list li[data-table='{name}']");

    /// <summary>The grid's body cells of one row (0-based) of the table view.</summary>
    public ILocator GridRow(int index) => Page.Locator("#table-grid tbody tr").Nth(index).Locator("td");

    /// <summary>Runs a statement in the SQL console.</summary>
    public async Task RunSqlAsync(string sql)
    {
        await Page.ClickAsync("nav button[data-view='sql']");
        await Page.FillAsync("#sql-text", sql);
        await Page.ClickAsync("#run-sql");
    }

    /// <summary>Saves a screenshot of the whole page as <c>studio-NAME.png</c> (docs/images when refreshing the docs).</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Chromium.ScreenshotFolder);
        var path = Path.Combine(Chromium.ScreenshotFolder, $"studio-{name}.png");
        var bytes = await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        bytes.Length.ShouldBeGreaterThan(1000);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await Server.DisposeAsync();
    }
}

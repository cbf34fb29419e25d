using System.Diagnostics;
using Microsoft.Playwright;
using Strata.Configuration;
using Strata.Studio;

namespace Strata.Bench.Scenarios;

/// <summary>
/// Issue 20's target: the studio page opens in under a second on a 1,000-table schema. The studio runs in-process
/// (what <c>strata studio</c> serves) on a database of N tables (the codegen schema); each run opens the launch
/// address in a fresh profile of headless Chromium (Debian's <c>chromium</c>, driven by Playwright) and is timed from
/// the navigation until the table list holds all N tables. The first contentful paint is reported beside it.
/// </summary>
internal sealed class StudioFirstPaintScenario(BenchServer server, int size) : IScenario
{
    private static readonly string[] BrowserNames = ["chromium", "chromium-browser", "google-chrome"];
    private readonly string _database = $"studio_{size}";
    private readonly List<double> _paints = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StudioServer? _studio;

    public string What => $"studio page open with {size:N0} tables listed";

    public string Tool => "strata studio in headless Chromium (first contentful paint in the notes)";

    public int Size => size;

    public string? NotMeasured => ChromiumPath() is null ? "not measured (needs Debian's chromium: apt-get install chromium)" : null;

    public async Task SetUpAsync()
    {
        await server.CreateDatabaseAsync(_database).ConfigureAwait(false);
        await server.ScalarAsync(CodegenScenario.Ddl(size) + "ANALYZE;", _database).ConfigureAwait(false);
        var target = new DatabaseTarget(Dialect.PostgreSql, server.ConnectionString(_database), "postgres://127.0.0.1/" + _database, null);
        _studio = await StudioServer.StartAsync(new StudioOptions { Database = target }).ConfigureAwait(false);
        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        }).ConfigureAwait(false);
    }

    public async Task<TimeSpan> RunOnceAsync()
    {
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 700 } }).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        await page.GotoAsync(_studio!.LaunchUrl.ToString()).ConfigureAwait(false);
        // A locator, not WaitForFunction: the studio's Content-Security-Policy forbids evaluating strings in the page.
        await page.Locator("#table-list li").Nth(size - 1).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 }).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        var paint = await page.EvaluateAsync<double>("(performance.getEntriesByName('first-contentful-paint')[0] || { startTime: -1 }).startTime").ConfigureAwait(false);
        _paints.Add(paint);
        return elapsed;
    }

    public async Task TearDownAsync()
    {
        var paints = _paints.Skip(1).Where(p => p >= 0).Order().ToList();
        Console.WriteLine(paints.Count == 0
            ? "bench: studio first contentful paint: not reported by the browser"
            : $"bench: studio first contentful paint over {paints.Count} timed runs: median {paints[paints.Count / 2]:0} ms, {paints[0]:0}–{paints[^1]:0} ms");
        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        if (_studio is not null)
        {
            await _studio.DisposeAsync().ConfigureAwait(false);
        }

        await server.DropDatabaseAsync(_database).ConfigureAwait(false);
    }

    private static string? ChromiumPath() =>
        BrowserNames.SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
}

using Microsoft.Playwright;
using Strata.TestSupport;

namespace Strata.Studio.Tests.Browser;

/// <summary>
/// One headless Chromium for the browser tests: Debian's <c>chromium</c> (or <c>STRATA_TEST_CHROMIUM</c>) driven by
/// Playwright; Playwright's own browser download is never used. A missing browser fails the tests with the fix (test.sh
/// installs the Debian package as root), never skips them.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("InitializeAsync has not run");

    /// <summary>Where screenshots go: docs/images when STRATA_UPDATE_SCREENSHOTS=1 (to refresh the docs), else a temp folder.</summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("STRATA_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(RepositoryPaths.Root(), "docs", "images")
        : Path.Combine(Path.GetTempPath(), "strata-studio-screenshots");

    public async Task InitializeAsync()
    {
        var executable = FindExecutable();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // As root (CI, these machines) Chromium's sandbox cannot start; the pages are our own on 127.0.0.1.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser profile (no cookies) at a fixed size, light colour scheme, so screenshots are comparable.</summary>
    public Task<IBrowserContext> NewContextAsync(ColorScheme scheme = ColorScheme.Light) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 700 }, ColorScheme = scheme, AcceptDownloads = true });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    private static string FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("STRATA_TEST_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"STRATA_TEST_CHROMIUM={configured} does not exist");
        }

        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("the studio's browser tests need Chromium: apt-get install chromium (test.sh does it as root), or set STRATA_TEST_CHROMIUM to a Chromium executable");
    }
}

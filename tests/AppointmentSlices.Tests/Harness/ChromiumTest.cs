using AppointmentSlices.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace AppointmentSlices.Tests.Harness;

/// <summary>
/// A database test driving the pages in a real Chromium over a real socket. Each test opens a fresh browser
/// context (no cookies) in the reader's language and screen size, and saves screenshots for people to look at.
/// </summary>
public abstract class ChromiumTest(PostgresFixture database, ChromiumHost host)
    : DatabaseTest(database, host.For(database))
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Laptop = new() { Width = 1280, Height = 860 };

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _consoleErrors = [];

    protected ChromiumHost Host { get; } = host;

    /// <summary>A new tab in a browser of its own, as a reader with this language and screen would have.</summary>
    protected async Task<IPage> OpenAsync(
        string path,
        string locale = "es-ES",
        ViewportSize? screen = null,
        bool javaScript = true
    )
    {
        var context = await Host.Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Host.Address.ToString(),
                Locale = locale,
                ViewportSize = screen ?? Laptop,
                DeviceScaleFactor = 1,
                TimezoneId = "Europe/Madrid",
                JavaScriptEnabled = javaScript,
            }
        );
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        // A blocked script or style (the content security policy) or a failed asset shows up here.
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>
    /// The whole page as a PNG under artifacts/screenshots (or SCREENSHOTS_DIR); returns its path. The browser must
    /// have reported no error so far.
    /// </summary>
    protected async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Assert.True(_consoleErrors.Count == 0, string.Join("\n", _consoleErrors));
        var file = Path.Combine(Screenshots.Folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    /// <summary>
    /// The page as it stands passes axe-core's WCAG 2.x A and AA rules (labels, names, contrast, landmarks, ARIA).
    /// </summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // it ran: the policy did not keep axe out of the page
        var failures = result
            .Violations.Where(v => v.Tags.Any(tag => tag.StartsWith("wcag", StringComparison.Ordinal)))
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(failures.Count == 0, $"{page.Url}:\n{string.Join("\n", failures)}");
    }

    public override async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>Where the browser tests leave screenshots: SCREENSHOTS_DIR, else artifacts/screenshots in the repo.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Create();

    private static string Create()
    {
        var folder = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AppointmentSlices.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

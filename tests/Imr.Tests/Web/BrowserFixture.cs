using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace Imr.Tests.Web;

/// <summary>
/// A browser test: runs where Debian's chromium is installed (<c>apt-get install -y chromium</c>, done by
/// scripts/install-deps) and always in CI (the variable CI set), where a missing browser is a failure;
/// elsewhere it is skipped with a message saying why.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserFixture.Chromium) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Skip = $"Browser tests need Debian's chromium at {BrowserFixture.Chromium} (apt-get install -y chromium, or bash scripts/install-deps); skipped because it is absent and CI is not set.";
    }
}

/// <summary>The application on Kestrel at 127.0.0.1 and a free port, with the shared corpus imported,
/// and Debian's chromium driven by Playwright (which cannot download a browser here).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public KestrelWebFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) return;
        var port = FreePort();
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        App.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>A fresh browser context (its own cookies): one person at one desk.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // Generous: CI's two cores may be busy with the rest of the suite (and the corpus import runs at the
        // same time); a slow page is not a failure.
        context.SetDefaultTimeout(180_000);
        context.SetDefaultNavigationTimeout(180_000);
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        await App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The application as the README runs it: the shared corpus imported on start.</summary>
    public sealed class KestrelWebFactory : ImrWebFactory
    {
        public KestrelWebFactory()
        {
            Settings["Imr:ImportCorpus"] = "true";
            Settings["Imr:CorpusPath"] = TestPaths.SharedDirectory;
        }
    }
}

using Microsoft.Playwright;

namespace Pipeline.BrowserTests;

/// <summary>One Playwright driver and one headless Chromium for the collection; each test opens its own context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string CollectionName = "Browser";

    /// <summary>Debian's Chromium; Playwright's bundled browsers cannot be downloaded here and are not needed.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started yet.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with 'apt-get install -y chromium' (tests/run.sh does).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(BrowserFixture.CollectionName)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<BrowserFixture>;

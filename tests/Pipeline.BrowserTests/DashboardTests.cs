using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.BrowserTests;

/// <summary>The dashboard in a real browser against a running embedded pipeline (real inbox, in-memory bus, SQLite).</summary>
[Collection(BrowserFixture.CollectionName)]
public sealed class DashboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string HostileStage = "<b>stage</b>";
    private const string HostileQueue = "<img src=x onerror=\"document.title='pwned'\">";
    private static readonly float Deadline = 60_000;

    private EmbeddedSite? _site;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A running embedded pipeline and a browser context on its URL.</summary>
    private async Task<IPage> OpenDashboardAsync(Dictionary<string, string?>? extra = null)
    {
        var configuration = new Dictionary<string, string?> { ["Monitoring:SampleInterval"] = "00:00:00.500" };
        foreach (var (key, value) in extra ?? []) configuration[key] = value;
        _site = await EmbeddedSite.StartAsync(browser, "pipeline-dashboard-", new ViewportSize { Width = 1600, Height = 900 }, configuration);
        var page = await _site.Context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    [Fact]
    public async Task Figures_change_as_files_are_dropped()
    {
        var page = await OpenDashboardAsync();

        var health = page.Locator("#health");
        await Expect(health).ToHaveTextAsync("Healthy", new() { Timeout = Deadline });
        foreach (var stage in new[] { "ingest", "extract", "index" })
            await Expect(Cell(page, stage, "consumers")).ToHaveTextAsync("1");
        await Expect(page.Locator("#totals [data-field=documentsCompleted]")).ToHaveTextAsync("0");
        await Expect(page.Locator("#latency [data-field=p50]")).ToHaveTextAsync("-");

        var inbox = _site!.Inbox;
        for (var i = 0; i < 3; i++)
            await File.WriteAllTextAsync(Path.Combine(inbox, $"ferry-{i}.txt"), Articles.Ferry(i));

        await Expect(page.Locator("#totals [data-field=documentsCompleted]")).ToHaveTextAsync("3", new() { Timeout = Deadline });
        await Expect(page.Locator("#totals [data-field=documentsStored]")).ToHaveTextAsync("3", new() { Timeout = Deadline });
        await Expect(page.Locator("#latency [data-field=count]")).ToHaveTextAsync("3");
        await Expect(page.Locator("#latency [data-field=p50]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ ms$"));
        await Expect(page.Locator("#totals [data-field=inboxFiles]")).ToHaveTextAsync("0");
        await Expect(Cell(page, "extract", "errors")).ToHaveTextAsync("0");
        // The charts drew the samples taken while the files went through.
        var points = await page.Locator("#stages tr[data-stage=extract] td[data-chart=deliverRate] svg").GetAttributeAsync("data-points");
        Assert.True(int.Parse(points!, System.Globalization.CultureInfo.InvariantCulture) > 1);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task Text_from_configuration_and_the_server_is_shown_as_text_never_run()
    {
        // A stage whose name and queue are markup: the page must show them as text, never run them.
        var page = await OpenDashboardAsync(new() { [$"Monitoring:Queues:{HostileStage}"] = HostileQueue });

        var row = page.Locator("#stages tbody tr").Filter(new() { HasText = HostileStage });
        await Expect(row.Locator("td[data-field=stage]")).ToHaveTextAsync(HostileStage, new() { Timeout = Deadline });
        await Expect(row.Locator("td[data-field=queue]")).ToHaveTextAsync(HostileQueue);
        Assert.Equal(0, await page.Locator("#stages img, #stages b").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
    }

    private static ILocator Cell(IPage page, string stage, string field) =>
        page.Locator($"#stages tr[data-stage={stage}] td[data-field={field}]");
}

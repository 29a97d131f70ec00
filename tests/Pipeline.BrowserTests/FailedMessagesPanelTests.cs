using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pipeline.Contracts;
using Pipeline.Host.Hosting;
using Pipeline.Storage;
using Pipeline.Testing.Messages;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.BrowserTests;

/// <summary>
/// The dashboard's failed-messages panel in a real browser: against a host on a real RabbitMQ (a message
/// that really failed in pipeline-extract_error, listed, escaped, replayed with the API key) and in embedded mode.
/// </summary>
[Collection(BrowserFixture.CollectionName)]
public sealed class FailedMessagesPanelTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string ApiKey = "panel-test-key-7c1e";
    private const string ErrorQueue = "pipeline-extract_error";
    // A file name is the part of a real fault message a sender controls: make it markup (no "/", it is a path).
    private const string HostileName = "gone <b>bold <img src=x onerror=\"document.title='pwned'\"> <script>document.title='pwned'<\\script>.txt";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly float Deadline = 60_000;

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("pipeline-failed-panel-");
    private RabbitMqServer? _broker;
    private WebApplication? _app;
    private IBrowserContext? _context;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_real_failed_message_is_grouped_shown_as_text_and_replayed_with_the_key()
    {
        _broker = await RabbitMqServer.StartAsync();
        using var management = _broker.CreateManagementClient();
        var port = FreePorts.Take(1)[0];
        // Listening on every address makes replay a protected action: the page must ask for the key.
        var page = await OpenDashboardAsync($"http://0.0.0.0:{port}", new Uri($"http://127.0.0.1:{port}/"), new()
        {
            ["Pipeline:Transport"] = Transports.RabbitMq,
            ["RabbitMq:Uri"] = _broker.AmqpUri.ToString(),
            ["RabbitMq:ManagementUri"] = _broker.ManagementUri.ToString(),
            ["RabbitMq:VirtualHost"] = _broker.VirtualHost,
            ["Errors:ApiKey"] = ApiKey,
            ["ExtractConsumer:RetryLimit"] = "1",
        });

        // A received article whose claimed file is missing: extraction fails every retry and MassTransit parks it.
        var claimed = Directory.CreateDirectory(Path.Combine(_data.FullName, "claimed")).FullName;
        var missing = Path.Combine(claimed, HostileName);
        var documentId = Guid.NewGuid();
        await _app!.Services.GetRequiredService<IBus>().Publish(TestMessages.ReceivedByClaimCheck(missing, documentId));
        await Eventually.WaitUntilAsync(async ct => (await management.GetQueueAsync(ErrorQueue, _broker.VirtualHost, ct))?.Messages == 1,
            Patience, "the message fails its retries and lands in the error queue");

        // The closed panel shows the depth from the status figures; opening it lists the messages.
        await Expect(page.Locator("#failed-depth")).ToHaveTextAsync("1 in error queues", new() { Timeout = Deadline });
        await page.Locator("#failed-panel summary").ClickAsync();
        var row = page.Locator("#failed tbody tr[data-stage=extract]");
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = Deadline });
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(typeof(FileNotFoundException).FullName!);
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Expect(row.Locator("td.example")).ToContainTextAsync(HostileName);
        Assert.Equal(0, await page.Locator("#failed b, #failed img, #failed script").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("failed-messages.png"), FullPage = true });

        // The cause is fixed; replay asks for the key, which the page then sends in X-Api-Key.
        await File.WriteAllTextAsync(missing, Articles.Ferry(7));
        await row.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        var keyForm = page.Locator("#failed-key");
        await Expect(keyForm).ToBeVisibleAsync(new() { Timeout = Deadline });
        await page.Locator("#failed-key-input").FillAsync(ApiKey);
        await keyForm.GetByRole(AriaRole.Button, new() { Name = "Replay with key" }).ClickAsync();

        // One replayed by the keyed call also proves the refused call moved nothing: the file is back, so a
        // message replayed without the key would have been stored and this call would have found none.
        await Expect(page.Locator("#failed-status")).ToContainTextAsync("Replayed 1 message(s).", new() { Timeout = Deadline });
        await Expect(page.Locator("#failed tbody")).ToHaveTextAsync("No failed messages.", new() { Timeout = Deadline });
        await Expect(keyForm).ToBeHiddenAsync();
        await Expect(page.Locator("#failed-depth")).ToHaveTextAsync("0 in error queues", new() { Timeout = Deadline });
        var store = _app.Services.GetRequiredService<IArticleStore>();
        await Eventually.WaitUntilAsync(async ct => await store.GetAsync(documentId, ct) is not null,
            Patience, "the replayed message is extracted and stored");
        // The management API refreshes its counts every few seconds.
        await Eventually.WaitUntilAsync(async ct => (await management.GetQueueAsync(ErrorQueue, _broker.VirtualHost, ct))?.Messages == 0,
            Patience, "the error queue is empty after the replay");
    }

    [Fact]
    public async Task Embedded_mode_shows_why_there_is_nothing_to_list_or_replay()
    {
        var page = await OpenDashboardAsync("http://127.0.0.1:0", baseAddress: null, []);

        await page.Locator("#failed-panel summary").ClickAsync();
        var note = page.Locator("#failed-note");
        await Expect(note).ToBeVisibleAsync(new() { Timeout = Deadline });
        await Expect(note).ToContainTextAsync("process log");
        await Expect(page.Locator("#failed-replay-all")).ToBeDisabledAsync();
        await Expect(page.Locator("#failed tbody tr")).ToHaveCountAsync(0);
        await Expect(page.Locator("#failed-depth")).ToHaveTextAsync("0 in error queues");
    }

    private async Task<IPage> OpenDashboardAsync(string urls, Uri? baseAddress, Dictionary<string, string?> extra)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Pipeline:DataDirectory"] = _data.FullName,
            ["Pipeline:Urls"] = urls,
            ["Monitoring:SampleInterval"] = "00:00:00.500",
        };
        foreach (var (key, value) in extra) configuration[key] = value;
        _app = PipelineApplication.Build(StageSet.All, configuration);
        await _app.StartAsync();
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress?.ToString() ?? _app.Urls.First(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
        });
        var page = await _context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_broker is not null) await _broker.DisposeAsync();
        _data.Delete(recursive: true);
    }
}

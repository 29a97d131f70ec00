using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Pipeline.Host.Hosting;

namespace Pipeline.BrowserTests;

/// <summary>
/// A running embedded pipeline (real inbox, in-memory bus, SQLite) in a data folder of its own, and a browser
/// context on its URL. Disposing closes the context, stops the pipeline and deletes the folder.
/// </summary>
internal sealed class EmbeddedSite : IAsyncDisposable
{
    private readonly DirectoryInfo _data;

    private EmbeddedSite(DirectoryInfo data, WebApplication app, IBrowserContext context)
    {
        _data = data;
        App = app;
        Context = context;
    }

    public WebApplication App { get; }

    public IBrowserContext Context { get; }

    public string Inbox => Path.Combine(_data.FullName, "inbox");

    public static async Task<EmbeddedSite> StartAsync(
        BrowserFixture browser, string folderPrefix, ViewportSize viewport, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var data = Directory.CreateTempSubdirectory(folderPrefix);
        var settings = new Dictionary<string, string?>
        {
            ["Pipeline:DataDirectory"] = data.FullName,
            ["Pipeline:Urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>()) settings[key] = value;
        var app = PipelineApplication.Build(StageSet.All, settings);
        await app.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Urls.First(), ViewportSize = viewport });
        return new EmbeddedSite(data, app, context);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await App.StopAsync();
        await App.DisposeAsync();
        _data.Delete(recursive: true);
    }
}

/// <summary>Where the browser tests leave their screenshots: the test output's <c>screenshots/</c> folder.</summary>
internal static class Screenshots
{
    public static string PathFor(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, name);
}

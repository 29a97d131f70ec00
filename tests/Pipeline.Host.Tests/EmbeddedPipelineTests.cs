using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Host.Hosting;
using Pipeline.Storage;
using Pipeline.Testing.Processes;
using Xunit.Abstractions;

namespace Pipeline.Host.Tests;

/// <summary>The whole pipeline in one process on embedded defaults, with a real inbox folder and a real SQLite store.</summary>
[Collection(ConsoleTests.Name)]
public sealed class EmbeddedPipelineTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("pipeline-embedded-").FullName;

    [Fact]
    public async Task A_dropped_article_becomes_searchable_and_its_file_is_archived()
    {
        await using var app = PipelineApplication.Build(StageSet.All, new Dictionary<string, string?>
        {
            ["Pipeline:DataDirectory"] = _data,
            ["Pipeline:Urls"] = "http://127.0.0.1:0",
        });
        await app.StartAsync();
        var inbox = Path.Combine(_data, "inbox");
        // Ingest creates the inbox once the bus is up, which may be just after StartAsync returns.
        await Eventually.WaitUntilAsync(() => Directory.Exists(inbox), TimeSpan.FromSeconds(30), "run creates the inbox");

        var watch = Stopwatch.StartNew();
        await File.WriteAllTextAsync(Path.Combine(inbox, "banjir.txt"), SampleArticles.FloodInSemarang);

        var store = app.Services.GetRequiredService<IArticleStore>();
        var hit = await Eventually.WaitForAsync(async ct =>
        {
            var results = await store.SearchAsync(new SearchRequest("Semarang banjir"), ct);
            return results.Hits.Count > 0 ? results.Hits[0] : null;
        }, TimeSpan.FromSeconds(60), "the dropped article is found by search");
        output.WriteLine($"drop to searchable: {watch.ElapsedMilliseconds} ms");

        Assert.Equal("Banjir Rendam Ratusan Rumah di Semarang Utara", hit.Title);
        Assert.Equal("banjir.txt", hit.SourcePath);
        await Eventually.WaitUntilAsync(
            () => Directory.EnumerateFiles(Path.Combine(_data, "archive"), "*", SearchOption.AllDirectories).Any(),
            TimeSpan.FromSeconds(30), "the stored file is archived");
        Assert.Empty(Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories));
        await app.StopAsync();
    }

    [Fact]
    public async Task Each_article_of_a_dropped_json_list_is_stored_once_and_the_file_is_archived_after_the_last()
    {
        await using var app = PipelineApplication.Build(StageSet.All, new Dictionary<string, string?>
        {
            ["Pipeline:DataDirectory"] = _data,
            ["Pipeline:Urls"] = "http://127.0.0.1:0",
        });
        await app.StartAsync();
        var inbox = Path.Combine(_data, "inbox");
        await Eventually.WaitUntilAsync(() => Directory.Exists(inbox), TimeSpan.FromSeconds(30), "run creates the inbox");

        await File.WriteAllTextAsync(Path.Combine(inbox, "daftar.json"), SampleArticles.ThreeArticleList);

        var store = app.Services.GetRequiredService<IArticleStore>();
        await Eventually.WaitUntilAsync(
            () => Directory.EnumerateFiles(Path.Combine(_data, "archive"), "*", SearchOption.AllDirectories).Any(),
            TimeSpan.FromSeconds(60), "the file is archived");
        // Archived means every article of the file is stored: nothing may be missing by now.
        Assert.Equal(3, await store.CountAsync(CancellationToken.None));
        var fileHash = Pipeline.Contracts.DocumentIds.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(SampleArticles.ThreeArticleList));
        string[] places = ["Tarakan", "Ternate", "Bontang"];
        for (var i = 0; i < places.Length; i++)
        {
            var results = await store.SearchAsync(new SearchRequest(places[i]), CancellationToken.None);
            var hit = Assert.Single(results.Hits);
            Assert.Equal($"daftar.json#{i + 1}", hit.SourcePath);
            Assert.Equal(Pipeline.Contracts.DocumentIds.ForItem(fileHash, i), hit.Id);
        }
        Assert.Single(Directory.EnumerateFiles(Path.Combine(_data, "archive"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_data, "work"), "*", SearchOption.AllDirectories));
        await app.StopAsync();
    }

    [Fact]
    public async Task Search_command_prints_the_json_contract()
    {
        await using (var app = PipelineApplication.Build(StageSet.All, new Dictionary<string, string?>
        {
            ["Pipeline:DataDirectory"] = _data,
            ["Pipeline:Urls"] = "http://127.0.0.1:0",
        }))
        {
            await app.StartAsync();
            await Eventually.WaitUntilAsync(() => Directory.Exists(Path.Combine(_data, "inbox")), TimeSpan.FromSeconds(30), "run creates the inbox");
            await File.WriteAllTextAsync(Path.Combine(_data, "inbox", "pemilu.txt"), SampleArticles.ElectionInBandung);
            var store = app.Services.GetRequiredService<IArticleStore>();
            await Eventually.WaitUntilAsync(async ct => await store.CountAsync(ct) == 1, TimeSpan.FromSeconds(60), "the article is stored");
            await app.StopAsync();
        }

        var (exitCode, stdout, _) = await ConsoleCapture.RunAsync(["search", "Bandung", "--json", "--data", _data]);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt64());
        var hit = json.RootElement.GetProperty("hits")[0];
        foreach (var field in new[] { "id", "title", "publishedAt", "language", "score", "snippet" })
            Assert.True(hit.TryGetProperty(field, out _), $"hit has '{field}'");
        Assert.Equal("pemilu.txt", hit.GetProperty("source").GetProperty("path").GetString());
        Assert.Equal("id", hit.GetProperty("language").GetString());
        var snippet = hit.GetProperty("snippet").GetString()!;
        var highlight = hit.GetProperty("highlights")[0];
        Assert.Equal("Bandung", snippet.Substring(highlight.GetProperty("start").GetInt32(), highlight.GetProperty("length").GetInt32()));
    }

    [Fact]
    public async Task At_the_default_level_a_stored_file_gets_one_log_line_saying_where_it_went()
    {
        await using var run = ChildProcess.Start(PipelineHost.Options(
            new Dictionary<string, string?>(), "run", "--data", _data, "--urls", "http://127.0.0.1:0") with
        {
            OnOutputLine = output.WriteLine,
        });
        var inbox = Path.Combine(_data, "inbox");
        await Eventually.WaitUntilAsync(() => Directory.Exists(inbox), TimeSpan.FromSeconds(30), "run creates the inbox");

        await File.WriteAllTextAsync(Path.Combine(inbox, "banjir.txt"), SampleArticles.FloodInSemarang);
        await Eventually.WaitUntilAsync(
            () => Directory.EnumerateFiles(Path.Combine(_data, "archive"), "*", SearchOption.AllDirectories).Any(),
            TimeSpan.FromSeconds(60), "the stored file is archived");
        await run.StopGracefullyAsync(TimeSpan.FromSeconds(20));

        // Each stage's step is at Debug: at a thousand files a second, four lines per file drowned everything else.
        var aboutTheFile = run.OutputLines.Where(line => line.Contains("banjir.txt", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(aboutTheFile);
        Assert.Contains("archived as", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}

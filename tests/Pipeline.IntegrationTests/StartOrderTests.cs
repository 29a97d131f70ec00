using Pipeline.Storage;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Pipeline.Testing.Stores;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests;

/// <summary>
/// Workers started in the "wrong" order on a broker that has never seen the pipeline: a stage that publishes before
/// the next stage ever ran must not lose what it publishes (RabbitMQ drops a message no queue is bound for).
/// Its own broker, because the point is a broker on which no stage queue exists yet.
/// </summary>
public sealed class StartOrderTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _data = Directory.CreateTempSubdirectory("pipeline-start-order-").FullName;
    private readonly PipelineWorkers _workers = new(output, Patience);
    private RabbitMqServer? _broker;

    [Fact]
    public async Task Articles_published_before_the_next_stage_first_starts_wait_for_it_in_its_queue()
    {
        const int fileCount = 5;
        using var management = _broker!.CreateManagementClient();
        Assert.Null(await management.GetQueueAsync("pipeline-extract", _broker.VirtualHost));
        Assert.Null(await management.GetQueueAsync("pipeline-index", _broker.VirtualHost));

        await StartWorkerAsync("ingest");
        var inbox = Path.Combine(_data, "inbox");
        await Eventually.WaitUntilAsync(() => Directory.Exists(inbox), Patience, "ingest creates the inbox");
        for (var i = 0; i < fileCount; i++)
            await File.WriteAllTextAsync(Path.Combine(inbox, $"awal {i}.txt"), ArticleFactory.Create(i));
        await Eventually.WaitUntilAsync(async ct => (await management.GetQueueAsync("pipeline-extract", _broker.VirtualHost, ct))?.Messages == fileCount,
            Patience, "articles ingest published wait in the extract queue, which no extract worker has declared yet");

        await StartWorkerAsync("extract");
        await Eventually.WaitUntilAsync(async ct => (await management.GetQueueAsync("pipeline-index", _broker.VirtualHost, ct))?.Messages == fileCount,
            Patience, "extracted articles wait in the index queue, which no index worker has declared yet");

        // Its line per stored article is at Debug; this test counts those lines.
        var indexer = await StartWorkerAsync("index", new Dictionary<string, string?> { ["Serilog__MinimumLevel__Override__Pipeline"] = "Debug" });
        await using var reader = await StoreReader.OpenAsync("sqlite", _data);
        var store = reader.Store;
        await Eventually.WaitUntilAsync(async ct => await store.CountAsync(ct) == fileCount, Patience, "every article is stored");
        for (var i = 0; i < fileCount; i++)
            Assert.Equal(1, (await store.SearchAsync(new SearchRequest(ArticleFactory.MarkerOf(i)), CancellationToken.None)).Total);
        await Eventually.WaitUntilAsync(
            () => Directory.EnumerateFiles(Path.Combine(_data, "archive"), "*", SearchOption.AllDirectories).Count() == fileCount,
            Patience, "every file is archived");
        await Eventually.WaitUntilAsync(async ct => (await management.GetQueueAsync("pipeline-index", _broker.VirtualHost, ct))?.Messages == 0,
            Patience, "the index queue drains");
        // Each queue is now reached along two bindings (the publisher's and the consumer's): each article must still
        // have been delivered once, so the index worker stored each once and never saw one again.
        Assert.Equal(fileCount, indexer.OutputLines.Count(line => line.Contains("(new: True)", StringComparison.Ordinal)));
        Assert.DoesNotContain(indexer.OutputLines, line => line.Contains("(new: False)", StringComparison.Ordinal));
        Assert.Equal(0, (await management.GetQueueAsync("pipeline-extract_error", _broker.VirtualHost))?.Messages ?? 0);
        Assert.Equal(0, (await management.GetQueueAsync("pipeline-index_error", _broker.VirtualHost))?.Messages ?? 0);
    }

    private Task<ChildProcess> StartWorkerAsync(string stage, IReadOnlyDictionary<string, string?>? environment = null) =>
        _workers.StartAsync(stage, ["--rabbitmq", _broker!.AmqpUri.ToString(), "--data", _data, "--urls", "http://127.0.0.1:0", "--store", "sqlite"], environment);

    public async Task InitializeAsync() => _broker = await RabbitMqServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _workers.StopAllAsync();
        if (_broker is not null) await _broker.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}

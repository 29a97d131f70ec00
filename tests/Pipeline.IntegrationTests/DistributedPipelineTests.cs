using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests;

[CollectionDefinition(RabbitMqFixture.CollectionName)]
public sealed class RabbitMqCollectionDefinition : ICollectionFixture<RabbitMqFixture>;

/// <summary>
/// Each stage as its own process over a real RabbitMQ broker, files dropped into a real folder,
/// assertions on what lands in the real store.
/// </summary>
[Collection(RabbitMqFixture.CollectionName)]
public sealed class DistributedPipelineTests(RabbitMqFixture broker, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("pipeline-distributed-").FullName;
    private readonly List<ChildProcess> _workers = [];

    [Fact]
    public async Task Separate_workers_with_competing_extractors_store_every_file_exactly_once()
    {
        const int fileCount = 40;
        using var management = broker.Server.CreateManagementClient();
        await StartWorkerAsync("extract-1", "extract");
        await StartWorkerAsync("extract-2", "extract");
        await StartWorkerAsync("index-1", "index");
        await Eventually.WaitUntilAsync(async ct =>
            (await management.GetQueueAsync("pipeline-extract", cancellationToken: ct))?.Consumers == 2 &&
            (await management.GetQueueAsync("pipeline-index", cancellationToken: ct))?.Consumers == 1,
            StartTimeout, "extract and index workers are consuming");
        await StartWorkerAsync("ingest-1", "ingest");
        var inbox = Path.Combine(_data, "inbox");
        await Eventually.WaitUntilAsync(() => Directory.Exists(inbox), StartTimeout, "ingest creates the inbox");

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < fileCount; i++)
            await File.WriteAllTextAsync(Path.Combine(inbox, $"artikel {i:D3}.txt"), ArticleFactory.Create(i));

        await using var services = OpenStore();
        var store = services.GetRequiredService<IArticleStore>();
        await store.InitializeAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(async ct => await store.CountAsync(ct) == fileCount,
            TimeSpan.FromSeconds(60), $"all {fileCount} articles are stored");
        output.WriteLine($"{fileCount} files from drop to stored over RabbitMQ: {watch.ElapsedMilliseconds} ms");

        for (var i = 0; i < fileCount; i += 7)
        {
            var results = await store.SearchAsync(new SearchRequest(ArticleFactory.MarkerOf(i)), CancellationToken.None);
            Assert.Equal(1, results.Total);
            Assert.Equal($"artikel {i:D3}.txt", results.Hits[0].SourcePath);
        }
        await Eventually.WaitUntilAsync(
            () => Directory.EnumerateFiles(Path.Combine(_data, "archive"), "*", SearchOption.AllDirectories).Count() == fileCount,
            TimeSpan.FromSeconds(30), "every file is archived");
        Assert.Empty(Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories));
        foreach (var queue in new[] { "pipeline-extract", "pipeline-index", "pipeline-ingest" })
        {
            await Eventually.WaitUntilAsync(async ct => (await management.GetQueueAsync(queue, cancellationToken: ct))?.Messages == 0,
                TimeSpan.FromSeconds(20), $"{queue} drains");
        }
        Assert.Null(await management.GetQueueAsync("pipeline-extract_error"));
        Assert.Null(await management.GetQueueAsync("pipeline-index_error"));
    }

    private async Task StartWorkerAsync(string name, string stage)
    {
        var worker = PipelineExecutable.Start(output, name,
            "worker", stage,
            "--rabbitmq", broker.Server.AmqpUri.ToString(),
            "--data", _data,
            "--urls", "http://127.0.0.1:0");
        _workers.Add(worker);
        await worker.WaitForOutputAsync("Pipeline is running", StartTimeout);
    }

    private ServiceProvider OpenStore()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDirectory"] = _data,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddArticleStore(configuration);
        return services.BuildServiceProvider();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.StopGracefullyAsync(TimeSpan.FromSeconds(15));
            await worker.DisposeAsync();
        }
        Directory.Delete(_data, recursive: true);
    }
}

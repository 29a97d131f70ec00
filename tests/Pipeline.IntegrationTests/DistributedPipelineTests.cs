using System.Diagnostics;
using Pipeline.Storage;
using Pipeline.Testing.Postgres;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Pipeline.Testing.Stores;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests;

[CollectionDefinition(RabbitMqFixture.CollectionName)]
public sealed class RabbitMqCollectionDefinition : ICollectionFixture<RabbitMqFixture>;

/// <summary>
/// Each stage as its own process over a real RabbitMQ broker, files dropped into a real folder,
/// assertions on what lands in the real store.
/// </summary>
[Collection(RabbitMqFixture.CollectionName)]
public sealed class DistributedPipelineTests(RabbitMqFixture broker, PostgresFixture postgres, ITestOutputHelper output)
    : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("pipeline-distributed-").FullName;
    private readonly PipelineWorkers _workers = new(output, StartTimeout);
    private string[] _storeArguments = [];

    /// <summary>SQLite takes one index worker; PostgreSQL takes several writing at once.</summary>
    [Theory]
    [InlineData("sqlite", 1)]
    [InlineData("postgres", 2)]
    public async Task Separate_workers_with_competing_consumers_store_every_file_exactly_once(string storeKind, int indexWorkers)
    {
        const int fileCount = 40;
        _storeArguments = storeKind == "postgres"
            ? ["--store", "postgres", "--postgres", await postgres.CreateDatabaseAsync("distributed")]
            : ["--store", "sqlite"];
        using var management = broker.Server.CreateManagementClient();
        await PurgeLeftoversAsync(management);
        await StartWorkerAsync("extract-1", "extract");
        await StartWorkerAsync("extract-2", "extract");
        for (var i = 1; i <= indexWorkers; i++) await StartWorkerAsync($"index-{i}", "index");
        await Eventually.WaitUntilAsync(async ct =>
            (await management.GetQueueAsync("pipeline-extract", cancellationToken: ct))?.Consumers == 2 &&
            (await management.GetQueueAsync("pipeline-index", cancellationToken: ct))?.Consumers == indexWorkers,
            StartTimeout, "extract and index workers are consuming");
        await StartWorkerAsync("ingest-1", "ingest");
        var inbox = Path.Combine(_data, "inbox");
        await Eventually.WaitUntilAsync(() => Directory.Exists(inbox), StartTimeout, "ingest creates the inbox");

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < fileCount; i++)
            await File.WriteAllTextAsync(Path.Combine(inbox, $"artikel {i:D3}.txt"), ArticleFactory.Create(i));

        await using var reader = await StoreReader.OpenAsync(_storeArguments[1], _data, _storeArguments.Length > 3 ? _storeArguments[3] : null);
        var store = reader.Store;
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
        // The error queues exist from the start (the broker dead-letters into them): they must be empty.
        Assert.Equal(0, (await management.GetQueueAsync("pipeline-extract_error"))?.Messages ?? 0);
        Assert.Equal(0, (await management.GetQueueAsync("pipeline-index_error"))?.Messages ?? 0);
    }

    private Task<ChildProcess> StartWorkerAsync(string name, string stage) =>
        _workers.StartAsync(stage, ["--rabbitmq", broker.Server.AmqpUri.ToString(), "--data", _data, "--urls", "http://127.0.0.1:0", .. _storeArguments], name: name);

    /// <summary>Tests in this collection share one broker: start each with no message left by another.</summary>
    private static async Task PurgeLeftoversAsync(RabbitMqManagementClient management)
    {
        foreach (var queue in new[] { "pipeline-extract", "pipeline-index", "pipeline-ingest" })
        {
            var statistics = await management.GetQueueAsync(queue);
            Assert.True(statistics is null || statistics.Messages == 0, $"{queue} still holds {statistics?.Messages} messages from an earlier test");
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _workers.StopAllAsync();
        Directory.Delete(_data, recursive: true);
    }
}

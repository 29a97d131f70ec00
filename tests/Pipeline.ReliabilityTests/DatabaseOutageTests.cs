using Pipeline.Storage;
using Pipeline.Testing.Postgres;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Pipeline.Testing.Stores;
using Xunit.Abstractions;

namespace Pipeline.ReliabilityTests;

/// <summary>
/// PostgreSQL stops for 20 s while articles flow through real workers: the index stage stops taking work,
/// the articles wait, and after the restart every one is stored exactly once with nothing in the error queue.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _data = Directory.CreateTempSubdirectory("pipeline-outage-").FullName;
    private readonly PipelineWorkers _workers = new(output, Patience);
    private RabbitMqServer? _broker;
    private PostgresServer? _postgres;

    [Fact]
    public async Task Articles_wait_while_the_database_is_down_and_are_stored_exactly_once_after_it_returns()
    {
        const int before = 20;
        const int during = 30;
        var broker = _broker!;
        var postgres = _postgres!;
        var connectionString = await postgres.CreateDatabaseAsync("outage");
        using var management = broker.CreateManagementClient();
        string[] common = ["--rabbitmq", broker.AmqpUri.ToString(), "--data", _data, "--urls", "http://127.0.0.1:0", "--store", "postgres", "--postgres", connectionString];
        await _workers.StartAsync("extract", common);
        await _workers.StartAsync("index", common);
        await Eventually.WaitUntilAsync(async ct =>
            (await management.GetQueueAsync("pipeline-extract", cancellationToken: ct))?.Consumers == 1 &&
            (await management.GetQueueAsync("pipeline-index", cancellationToken: ct))?.Consumers == 1,
            Patience, "extract and index workers consume");
        await _workers.StartAsync("ingest", common);
        var inbox = Path.Combine(_data, "inbox");

        await using var reader = await StoreReader.OpenAsync("postgres", _data, connectionString);
        var store = reader.Store;
        await DropAsync(inbox, 0, before);
        await Eventually.WaitUntilAsync(async ct => await store.CountAsync(ct) == before, Patience, "the first articles are stored");

        await postgres.StopAsync();
        await DropAsync(inbox, before, during);
        await Eventually.WaitUntilAsync(async ct => (await management.GetQueueAsync("pipeline-index", cancellationToken: ct))?.Messages >= during,
            Patience, "articles extracted during the outage wait for the index stage");
        // The outage itself: how long the database stays away is the fault being tested, not a wait for a result.
        await Task.Delay(Outage);
        Assert.Equal(0, await Broker.MessagesAsync(management, "pipeline-index_error"));
        await postgres.StartAsync();

        await Eventually.WaitUntilAsync(async ct => await store.CountAsync(ct) >= before + during, Patience, "every article is stored after the database returns");
        Assert.Equal(before + during, await store.CountAsync(CancellationToken.None));
        for (var i = 0; i < before + during; i++)
        {
            var hits = await store.SearchAsync(new SearchRequest(Articles.MarkerOf(i)), CancellationToken.None);
            Assert.Equal(1, hits.Total);
        }
        await Eventually.WaitUntilAsync(async ct => await Broker.MessagesAsync(management, "pipeline-index", ct) == 0, Patience, "the index queue drains");
        Assert.Equal(0, await Broker.MessagesAsync(management, "pipeline-index_error"));
        Assert.Equal(0, await Broker.MessagesAsync(management, "pipeline-extract_error"));
        Assert.All(_workers.All, w => Assert.False(w.HasExited, "a worker died during the outage"));
    }

    private static async Task DropAsync(string inbox, int first, int count)
    {
        await Eventually.WaitUntilAsync(() => Directory.Exists(inbox), Patience, "ingest creates the inbox");
        for (var i = first; i < first + count; i++)
            await File.WriteAllTextAsync(Path.Combine(inbox, $"berita-{i:D4}.txt"), Articles.Create(i));
    }

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqServer.StartPrivateAsync();
        _postgres = await PostgresServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _workers.StopAllAsync();
        if (_broker is not null) await _broker.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}

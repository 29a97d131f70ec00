using Microsoft.Data.Sqlite;
using Pipeline.Storage;
using Pipeline.Testing.Postgres;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Pipeline.Testing.Stores;
using Xunit.Abstractions;

namespace Pipeline.ReliabilityTests;

/// <summary>
/// SIGTERM reaches an index worker while its batch is in hand and the store write cannot finish: PostgreSQL is down
/// (the write is being retried), or another connection holds SQLite's write lock (the write waits on it). The
/// shutdown cancels that write; the batch must go back to the queue for the next worker, not into the error queue
/// as if the articles were at fault.
/// </summary>
public sealed class ShutdownDuringOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _data = Directory.CreateTempSubdirectory("pipeline-sigterm-outage-").FullName;
    private readonly PipelineWorkers _workers = new(output, Patience);
    private RabbitMqServer? _broker;
    private PostgresServer? _postgres;

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task An_index_worker_stopped_while_its_store_write_cannot_finish_hands_the_batch_back(string storeKind)
    {
        const int fileCount = 12;
        var broker = _broker!;
        var postgres = _postgres!;
        var connectionString = storeKind == "postgres" ? await postgres.CreateDatabaseAsync("sigterm") : null;
        using var management = broker.CreateManagementClient();
        string[] common = ["--rabbitmq", broker.AmqpUri.ToString(), "--data", _data, "--urls", "http://127.0.0.1:0", "--store", storeKind,
            .. connectionString is null ? Array.Empty<string>() : ["--postgres", connectionString]];
        await StartAsync("extract", common);
        var victim = await StartAsync("index", common);
        await Eventually.WaitUntilAsync(async ct =>
            (await management.GetQueueAsync("pipeline-extract", cancellationToken: ct))?.Consumers == 1 &&
            (await management.GetQueueAsync("pipeline-index", cancellationToken: ct))?.Consumers == 1,
            Patience, "extract and index workers consume");
        await StartAsync("ingest", common);
        var inbox = Path.Combine(_data, "inbox");
        await Eventually.WaitUntilAsync(() => Directory.Exists(inbox), Patience, "ingest creates the inbox");
        await using var reader = await StoreReader.OpenAsync(storeKind, _data, connectionString);
        var store = reader.Store;

        await using (var outage = await StoreOutage.BeginAsync(storeKind, postgres, _data))
        {
            for (var i = 0; i < fileCount; i++)
                await File.WriteAllTextAsync(Path.Combine(inbox, $"berita-{i:D4}.txt"), Articles.Create(i));
            await Eventually.WaitUntilAsync(async ct =>
                (await management.GetQueueAsync("pipeline-index", cancellationToken: ct)) is { Messages: fileCount, MessagesUnacknowledged: > 0 },
                Patience, "the index worker holds a batch it cannot store");

            victim.SignalTerminate();
            Assert.Equal(0, await victim.WaitForExitAsync(ShutdownTimeout + TimeSpan.FromSeconds(15)));
            await Eventually.WaitUntilAsync(async ct =>
                (await management.GetQueueAsync("pipeline-index", cancellationToken: ct)) is { Consumers: 0, MessagesUnacknowledged: 0 },
                Patience, "the broker has every message of the stopped worker back");
            Assert.Equal(0, await Broker.MessagesAsync(management, "pipeline-index_error"));
            Assert.Equal(fileCount, await Broker.MessagesAsync(management, "pipeline-index"));
        }

        await StartAsync("index", common);
        await Eventually.WaitUntilAsync(async ct => await store.CountAsync(ct) >= fileCount, Patience, "the replacement stores the batch");
        Assert.Equal(fileCount, await store.CountAsync(CancellationToken.None));
        for (var i = 0; i < fileCount; i++)
            Assert.Equal(1, (await store.SearchAsync(new SearchRequest(Articles.MarkerOf(i)), CancellationToken.None)).Total);
        Assert.Equal(0, await Broker.MessagesAsync(management, "pipeline-index_error"));
    }

    /// <summary>The store cannot take writes until disposed: PostgreSQL stopped, or SQLite's write lock held by the test.</summary>
    private sealed class StoreOutage(Func<ValueTask> end) : IAsyncDisposable
    {
        public static async Task<StoreOutage> BeginAsync(string storeKind, PostgresServer postgres, string dataDirectory)
        {
            if (storeKind == "postgres")
            {
                await postgres.StopAsync();
                return new StoreOutage(async () => await postgres.StartAsync());
            }
            var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "pipeline.db")}");
            await connection.OpenAsync();
            await using (var begin = connection.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                await begin.ExecuteNonQueryAsync();
            }
            return new StoreOutage(async () =>
            {
                await using (var rollback = connection.CreateCommand())
                {
                    rollback.CommandText = "ROLLBACK";
                    await rollback.ExecuteNonQueryAsync();
                }
                await connection.DisposeAsync();
            });
        }

        public ValueTask DisposeAsync() => end();
    }

    private Task<ChildProcess> StartAsync(string stage, string[] common) =>
        _workers.StartAsync(stage, common, new Dictionary<string, string?> { ["Pipeline__ShutdownTimeout"] = ShutdownTimeout.ToString() });

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

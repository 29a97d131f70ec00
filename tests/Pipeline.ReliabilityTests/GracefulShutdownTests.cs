using Pipeline.Storage;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Pipeline.Testing.Stores;
using Xunit.Abstractions;

namespace Pipeline.ReliabilityTests;

/// <summary>
/// SIGTERM to a busy worker: it stops taking messages, finishes or hands back what it holds, exits within
/// Pipeline:ShutdownTimeout, and a replacement finishes the backlog with nothing lost and nothing doubled.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);
    private readonly string _data = Directory.CreateTempSubdirectory("pipeline-sigterm-").FullName;
    private readonly PipelineWorkers _workers = new(output, Patience);
    private RabbitMqServer? _broker;

    [Fact]
    public Task A_busy_extract_worker_stopped_by_SIGTERM_exits_in_time_and_loses_nothing() =>
        A_busy_worker_stopped_by_SIGTERM_exits_in_time_and_loses_nothing("extract");

    [Fact]
    public Task A_busy_index_worker_stopped_by_SIGTERM_exits_in_time_and_loses_nothing() =>
        A_busy_worker_stopped_by_SIGTERM_exits_in_time_and_loses_nothing("index");

    private async Task A_busy_worker_stopped_by_SIGTERM_exits_in_time_and_loses_nothing(string stage)
    {
        // Enough that the signal lands mid-run: with 150 the two workers, warm and twice as concurrent since
        // the extract stage took two messages per core, stored all of them before the poll that saw five.
        const int fileCount = 500;
        var broker = _broker!;
        using var management = broker.CreateManagementClient();
        var victim = await StartAsync(stage);
        await StartAsync(stage == "extract" ? "index" : "extract");
        await Eventually.WaitUntilAsync(async ct =>
            (await management.GetQueueAsync("pipeline-extract", cancellationToken: ct))?.Consumers == 1 &&
            (await management.GetQueueAsync("pipeline-index", cancellationToken: ct))?.Consumers == 1,
            Patience, "extract and index workers consume");
        await StartAsync("ingest");
        var inbox = Path.Combine(_data, "inbox");
        await Eventually.WaitUntilAsync(() => Directory.Exists(inbox), Patience, "ingest creates the inbox");
        for (var i = 0; i < fileCount; i++)
            await File.WriteAllTextAsync(Path.Combine(inbox, $"berita {i:D4}.txt"), Articles.Create(i));

        await using var reader = await StoreReader.OpenAsync("sqlite", _data);
        var store = reader.Store;
        await Eventually.WaitUntilAsync(async ct => await store.CountAsync(ct) >= 5, Patience, "the pipeline is busy storing");
        var storedAtSignal = await store.CountAsync(CancellationToken.None);

        victim.SignalTerminate();
        var exitCode = await victim.WaitForExitAsync(ShutdownTimeout + TimeSpan.FromSeconds(10));
        Assert.Equal(0, exitCode);
        output.WriteLine($"{stage} worker exited with {storedAtSignal} of {fileCount} stored at SIGTERM");
        Assert.True(storedAtSignal < fileCount, $"the worker was stopped while work remained ({storedAtSignal} of {fileCount} stored)");
        await Eventually.WaitUntilAsync(async ct => (await management.GetQueueAsync($"pipeline-{stage}", cancellationToken: ct))?.Consumers == 0,
            Patience, "the broker sees no consumer of the stopped stage");

        await StartAsync(stage);
        await Eventually.WaitUntilAsync(async ct =>
        {
            // A file refused or a message faulted will never be stored: say so at once instead of timing out.
            await AssertNothingRefusedAsync(management, ct);
            return await store.CountAsync(ct) >= fileCount;
        }, Patience, "the replacement finishes the backlog");
        Assert.Equal(fileCount, await store.CountAsync(CancellationToken.None));
        for (var i = 0; i < fileCount; i += 17)
            Assert.Equal(1, (await store.SearchAsync(new SearchRequest(Articles.MarkerOf(i)), CancellationToken.None)).Total);
        Assert.Equal(0, await Broker.MessagesAsync(management, "pipeline-extract_error"));
        Assert.Equal(0, await Broker.MessagesAsync(management, "pipeline-index_error"));
    }

    private async Task AssertNothingRefusedAsync(RabbitMqManagementClient management, CancellationToken cancellationToken)
    {
        var quarantine = Path.Combine(_data, "quarantine");
        var refused = Directory.Exists(quarantine) ? Directory.GetFiles(quarantine, "*", SearchOption.AllDirectories) : [];
        Assert.True(refused.Length == 0, $"files were quarantined: {string.Join(", ", refused.Select(Path.GetFileName))}");
        Assert.Equal(0, await Broker.MessagesAsync(management, "pipeline-extract_error", cancellationToken));
        Assert.Equal(0, await Broker.MessagesAsync(management, "pipeline-index_error", cancellationToken));
    }

    private Task<ChildProcess> StartAsync(string stage) =>
        _workers.StartAsync(stage, ["--rabbitmq", _broker!.AmqpUri.ToString(), "--data", _data, "--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string?> { ["Pipeline__ShutdownTimeout"] = ShutdownTimeout.ToString() });

    public async Task InitializeAsync() => _broker = await RabbitMqServer.StartPrivateAsync();

    public async Task DisposeAsync()
    {
        await _workers.StopAllAsync();
        if (_broker is not null) await _broker.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}

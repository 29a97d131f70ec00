using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Xunit.Abstractions;

namespace Pipeline.ReliabilityTests;

/// <summary>
/// A message that takes its worker down every time it is handled (here: its claimed file is a FIFO nobody
/// writes, so the worker hangs on it until it is killed, as an out-of-memory kill would) is stopped by the
/// quorum queue's delivery limit on RabbitMQ 3.10 and dead-lettered into the stage's error queue, where
/// `pipeline errors list` shows it.
/// </summary>
public sealed class PoisonMessageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int DeliveryLimit = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _data = Directory.CreateTempSubdirectory("pipeline-poison-").FullName;
    private readonly PipelineWorkers _workers = new(output, Patience);
    private RabbitMqServer? _broker;

    [Fact]
    public async Task A_message_that_kills_its_worker_every_time_ends_in_the_error_queue_after_the_delivery_limit()
    {
        var broker = _broker!;
        using var management = broker.CreateManagementClient();
        var fifo = Path.Combine(_data, "never-written.txt");
        var mkfifo = await ChildProcess.RunAsync(new ChildProcessOptions("mkfifo", [fifo]), TimeSpan.FromSeconds(30));
        Assert.Equal(0, mkfifo.ExitCode);

        var worker = await StartWorkerAsync();
        var now = DateTimeOffset.UtcNow;
        await Broker.PublishAsync(broker, new ArticleReceived
        {
            DocumentId = Guid.NewGuid(),
            CorrelationId = Guid.NewGuid(),
            Source = new SourceFile("never-written.txt", new string('0', 64), "text/plain", 10),
            ContentPath = fifo,
            DroppedAt = now,
            FileModifiedAt = now,
            Ingested = new StageVisit(Stages.Ingest, "test", now, now),
        });

        var kills = 0;
        while (await Broker.MessagesAsync(management, "pipeline-extract_error") == 0)
        {
            Assert.True(kills <= DeliveryLimit + 1, $"still redelivered after {kills} crashes: the delivery limit does not stop it");
            await Eventually.WaitUntilAsync(async ct =>
                (await management.GetQueueAsync("pipeline-extract", cancellationToken: ct))?.MessagesUnacknowledged == 1 ||
                await Broker.MessagesAsync(management, "pipeline-extract_error", ct) == 1,
                Patience, "the worker holds the poison message (or the broker gave up on it)");
            if (await Broker.MessagesAsync(management, "pipeline-extract_error") == 1) break;
            worker.Kill();
            await worker.WaitForExitAsync(Patience);
            kills++;
            // Queue counts lag by a statistics interval: see the message handed back before the next worker
            // starts, so that each kill above is a real delivery and not a stale count.
            await Eventually.WaitUntilAsync(async ct =>
                (await management.GetQueueAsync("pipeline-extract", cancellationToken: ct))?.MessagesUnacknowledged == 0,
                Patience, "the broker takes the message back from the killed worker");
            worker = await StartWorkerAsync();
        }
        output.WriteLine($"dead-lettered after {kills} crashes with delivery limit {DeliveryLimit}");
        Assert.InRange(kills, DeliveryLimit, DeliveryLimit + 1);
        await Eventually.WaitUntilAsync(async ct => await Broker.MessagesAsync(management, "pipeline-extract", ct) == 0, Patience, "the stage queue is free of it");

        var (exitCode, json, _) = await PipelineHost.RunAsync(null, "errors", "list", "--json", "--rabbitmq", broker.AmqpUri.ToString());
        Assert.Equal(0, exitCode);
        using var report = JsonDocument.Parse(json);
        var message = Assert.Single(report.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal("extract", message.GetProperty("stage").GetString());
        Assert.Equal("(dead-lettered by the broker)", message.GetProperty("exceptionType").GetString());
    }

    private Task<ChildProcess> StartWorkerAsync() =>
        _workers.StartAsync("extract", ["--rabbitmq", _broker!.AmqpUri.ToString(), "--data", _data, "--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string?> { ["RabbitMq__DeliveryLimit"] = DeliveryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task InitializeAsync() => _broker = await RabbitMqServer.StartPrivateAsync();

    public async Task DisposeAsync()
    {
        await _workers.StopAllAsync();
        if (_broker is not null) await _broker.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}

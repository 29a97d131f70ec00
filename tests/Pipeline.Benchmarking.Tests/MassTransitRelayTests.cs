using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Benchmarking.Ceiling;
using Pipeline.Benchmarking.Generation;
using Pipeline.Testing.Logging;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;

namespace Pipeline.Benchmarking.Tests;

[Collection(RabbitMqFixture.CollectionName)]
public sealed class MassTransitRelayTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task Relays_every_message_through_three_queues_and_leaves_no_queue_or_exchange_behind()
    {
        var bodies = new ArticleGenerator(5).Text(0, 200).Select(a => (ReadOnlyMemory<byte>)a.Content).ToList();
        var relay = new MassTransitRelay(broker.Server.AmqpUri, new RelayCeilingOptions { Runs = 2, Timeout = TimeSpan.FromMinutes(2) }, NullLogger.Instance);

        // Finishing at all proves every message reached the third queue: the last consumer's count ends the wait.
        var messagesPerSecond = await relay.MeasureAsync(bodies, CancellationToken.None);

        Assert.True(messagesPerSecond > 0);
        using var management = broker.Server.CreateManagementClient();
        var vhost = Uri.EscapeDataString(broker.Server.VirtualHost);
        foreach (var kind in new[] { "queues", "exchanges" })
        {
            var names = (await management.GetJsonAsync($"{kind}/{vhost}")).EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
            Assert.DoesNotContain(names, name => name!.StartsWith("bench-mt-relay-", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_relay_whose_connection_the_broker_closes_is_run_again_on_a_new_bus()
    {
        var bodies = new ArticleGenerator(5).Text(0, 6000).Select(a => (ReadOnlyMemory<byte>)a.Content).ToList();
        // One message in flight per hop keeps the relay going for seconds, so the close lands mid-run.
        var options = new RelayCeilingOptions { Runs = 1, PrefetchCount = 1, ConsumerConcurrency = 1, PublishWindow = 1, Timeout = TimeSpan.FromMinutes(2), RetryDelay = TimeSpan.FromMilliseconds(100) };
        var log = new RecordingLogger();
        var relay = new MassTransitRelay(broker.Server.AmqpUri, options, log);
        using var management = broker.Server.CreateManagementClient();

        var measuring = relay.MeasureAsync(bodies, CancellationToken.None);
        await Eventually.WaitUntilAsync(
            async ct => measuring.IsCompleted || await management.ConnectionExistsAsync(MassTransitRelay.ConnectionName, ct),
            TimeSpan.FromSeconds(30), "the relay's connection to show in the management API", TimeSpan.FromMilliseconds(50));
        // MassTransit rides out a close while its bus starts; mid-run, messages in flight are lost or delivered again.
        // The relay moves these 6,000 at one per hop for about 15 s.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var closed = await management.CloseConnectionsAsync(MassTransitRelay.ConnectionName);

        Assert.Equal(1, closed);
        Assert.True(await measuring.WaitAsync(TimeSpan.FromSeconds(90)) > 0);
        // MassTransit reconnects by itself. Before the rerun, a message lost with the connection held the relay
        // until its timeout (and failed the bench), and one delivered again was counted twice.
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("running it again", StringComparison.Ordinal));
    }
}

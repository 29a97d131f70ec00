using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Benchmarking.Ceiling;
using Pipeline.Benchmarking.Generation;
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
}

using Pipeline.Benchmarking.Ceiling;
using Pipeline.Benchmarking.Generation;
using Pipeline.Testing.RabbitMq;

namespace Pipeline.Benchmarking.Tests;

[Collection(RabbitMqFixture.CollectionName)]
public sealed class RelayCeilingTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task Relays_every_message_through_three_queues_in_each_run_and_removes_its_queues()
    {
        var bodies = new ArticleGenerator(5).Text(0, 200).Select(a => (ReadOnlyMemory<byte>)a.Content).ToList();
        var ceiling = new RelayCeiling(broker.Server.AmqpUri, new RelayCeilingOptions { Runs = 2, Timeout = TimeSpan.FromMinutes(2) });

        // Finishing at all proves every message reached the third queue: the count of the last hop ends the wait.
        var messagesPerSecond = await ceiling.MeasureAsync(bodies, CancellationToken.None);

        Assert.True(messagesPerSecond > 0);
        using var management = broker.Server.CreateManagementClient();
        var queues = await management.GetQueuesAsync(broker.Server.VirtualHost);
        Assert.DoesNotContain(queues, q => q.Name.StartsWith("bench-ceiling-", StringComparison.Ordinal));
    }
}

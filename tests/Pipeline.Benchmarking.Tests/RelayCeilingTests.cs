using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Benchmarking.Ceiling;
using Pipeline.Benchmarking.Generation;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;

namespace Pipeline.Benchmarking.Tests;

[Collection(RabbitMqFixture.CollectionName)]
public sealed class RelayCeilingTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task Relays_every_message_through_three_queues_in_each_run_and_removes_its_queues()
    {
        var bodies = new ArticleGenerator(5).Text(0, 200).Select(a => (ReadOnlyMemory<byte>)a.Content).ToList();
        var ceiling = new RelayCeiling(broker.Server.AmqpUri, new RelayCeilingOptions { Runs = 2, Timeout = TimeSpan.FromMinutes(2) }, NullLogger.Instance);

        // Finishing at all proves every message reached the third queue: the count of the last hop ends the wait.
        var messagesPerSecond = await ceiling.MeasureAsync(bodies, CancellationToken.None);

        Assert.True(messagesPerSecond > 0);
        await AssertNoRelayQueuesLeftAsync();
    }

    [Fact]
    public async Task A_paced_relay_feeds_its_first_queue_no_faster_than_the_pace()
    {
        var bodies = new ArticleGenerator(5).Text(0, 60).Select(a => (ReadOnlyMemory<byte>)a.Content).ToList();
        var ceiling = new RelayCeiling(broker.Server.AmqpUri, new RelayCeilingOptions { Timeout = TimeSpan.FromMinutes(2) }, NullLogger.Instance);

        // 60 messages at 100/s: the last is published 0.59 s after the first, so no more than about 100/s end to end
        // (unpaced, the same relay moves thousands a second).
        var messagesPerSecond = await ceiling.MeasurePacedAsync(bodies, 100, CancellationToken.None);

        Assert.InRange(messagesPerSecond, 20, 102);
        await AssertNoRelayQueuesLeftAsync();
    }

    [Fact]
    public async Task A_relay_whose_connection_the_broker_closes_is_run_again_on_fresh_queues()
    {
        var bodies = new ArticleGenerator(5).Text(0, 6000).Select(a => (ReadOnlyMemory<byte>)a.Content).ToList();
        // One message in flight per hop keeps the relay going for seconds, so the close lands mid-run.
        var options = new RelayCeilingOptions { Runs = 1, PrefetchCount = 1, ConsumerConcurrency = 1, PublishWindow = 1, Timeout = TimeSpan.FromMinutes(2), RetryDelay = TimeSpan.FromMilliseconds(100) };
        var ceiling = new RelayCeiling(broker.Server.AmqpUri, options, NullLogger.Instance);
        using var management = broker.Server.CreateManagementClient();

        var measuring = ceiling.MeasureAsync(bodies, CancellationToken.None);
        var closed = 0;
        await Eventually.WaitUntilAsync(
            async ct => measuring.IsCompleted || (closed = await management.CloseConnectionsAsync(RelayCeiling.ConnectionName, ct)) > 0,
            TimeSpan.FromSeconds(30), "the relay's connection to show in the management API", TimeSpan.FromMilliseconds(50));

        Assert.Equal(1, closed);
        // Before the fix the client's automatic recovery reopened the connection, the relay waited out its timeout,
        // and clean-up on the closed channel then hid that error.
        Assert.True(await measuring.WaitAsync(TimeSpan.FromSeconds(90)) > 0);
        await AssertNoRelayQueuesLeftAsync();
    }

    [Fact]
    public async Task A_relay_that_finished_keeps_its_rate_when_its_queues_cannot_be_deleted()
    {
        using var management = broker.Server.CreateManagementClient();
        var user = broker.Server.Credentials.UserName;
        // A virtual host of its own: taking rights away there touches no other test on this broker.
        var virtualHost = "bench-cleanup-" + Guid.NewGuid().ToString("N")[..8];
        await management.CreateVirtualHostAsync(virtualHost, user);
        try
        {
            var brokerUri = new UriBuilder(broker.Server.AmqpUri) { Path = "/" + Uri.EscapeDataString(virtualHost) }.Uri;
            var bodies = new ArticleGenerator(5).Text(0, 3000).Select(a => (ReadOnlyMemory<byte>)a.Content).ToList();
            var options = new RelayCeilingOptions { Runs = 1, PrefetchCount = 1, ConsumerConcurrency = 1, PublishWindow = 1, Timeout = TimeSpan.FromMinutes(2), RetryDelay = TimeSpan.FromMilliseconds(100) };
            var ceiling = new RelayCeiling(brokerUri, options, NullLogger.Instance);

            var measuring = ceiling.MeasureAsync(bodies, CancellationToken.None);
            await Eventually.WaitUntilAsync(
                async ct => measuring.IsCompleted || (await management.GetQueuesAsync(virtualHost, ct)).Count == 3,
                TimeSpan.FromSeconds(30), "the relay's three queues", TimeSpan.FromMilliseconds(50));
            // Publishing and consuming go on; declaring and deleting queues (the "configure" right) no longer do.
            await management.SetPermissionsAsync(virtualHost, user, configure: "^$", write: ".*", read: ".*");

            // Before the fix the refused clean-up failed the finished relay, and the run again was refused its queues.
            Assert.True(await measuring.WaitAsync(TimeSpan.FromSeconds(90)) > 0);
            var left = await management.GetQueuesAsync(virtualHost);
            Assert.Equal(3, left.Count(q => q.Name.StartsWith("bench-ceiling-", StringComparison.Ordinal)));
        }
        finally
        {
            await management.DeleteVirtualHostAsync(virtualHost);
        }
    }

    [Fact]
    public void A_deletion_the_client_timed_out_is_a_failed_clean_up_not_a_failed_relay()
    {
        // RabbitMQ.Client 7 ends an operation that outlives its continuation timeout with a TaskCanceledException.
        // A bench run died of one when a quorum queue's deletion took longer than that after a full relay.
        Assert.True(RelayCeiling.IsFailedCleanup(new TaskCanceledException()));
        Assert.False(RelayCeiling.IsFailedCleanup(new InvalidOperationException()));
    }

    private async Task AssertNoRelayQueuesLeftAsync()
    {
        using var management = broker.Server.CreateManagementClient();
        var queues = await management.GetQueuesAsync(broker.Server.VirtualHost);
        Assert.DoesNotContain(queues, q => q.Name.StartsWith("bench-ceiling-", StringComparison.Ordinal));
    }
}

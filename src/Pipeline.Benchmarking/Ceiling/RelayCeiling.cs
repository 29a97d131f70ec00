using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Pipeline.Benchmarking.Measuring;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Pipeline.Benchmarking.Ceiling;

/// <summary>
/// What the broker itself can do: the given message bodies published into queue 1, relayed by bare
/// RabbitMQ.Client consumers to queue 2 and queue 3 and consumed there - the same three hops an article takes
/// (ingest -> extract -> index -> ingest), with the same guarantees the pipeline uses: persistent messages,
/// publisher confirms awaited before the inbound message is acknowledged, manual acks, quorum queues.
/// The queues are the bench's own scratch queues (a measuring tool, not the pipeline) and are deleted afterwards.
/// </summary>
public sealed class RelayCeiling(Uri brokerUri, RelayCeilingOptions options)
{
    private const int Hops = 3;

    /// <summary>
    /// Relays every body through the three queues <see cref="RelayCeilingOptions.Runs"/> times, each on fresh
    /// queues, and returns the median rate in messages per second end to end. One relay of the same bodies
    /// varied from 2,700 to 4,400 messages/s between runs on the test machine, which moved the bench's ratio as much as
    /// any change to the pipeline did.
    /// </summary>
    public async Task<double> MeasureAsync(IReadOnlyList<ReadOnlyMemory<byte>> bodies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Runs, 1);
        var rates = new List<double>(options.Runs);
        for (var run = 0; run < options.Runs; run++)
            rates.Add(await MeasureOnceAsync(bodies, cancellationToken));
        rates.Sort();
        return Percentiles.Of(rates, 50);
    }

    private async Task<double> MeasureOnceAsync(IReadOnlyList<ReadOnlyMemory<byte>> bodies, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = brokerUri, ClientProvidedName = "pipeline bench ceiling" };
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var queues = Enumerable.Range(1, Hops).Select(i => string.Create(CultureInfo.InvariantCulture, $"bench-ceiling-{run}-{i}")).ToArray();

        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var admin = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var quorum = new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };
        foreach (var queue in queues)
            await admin.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: quorum, cancellationToken: cancellationToken);
        try
        {
            return await RelayAsync(connection, queues, bodies, cancellationToken);
        }
        finally
        {
            foreach (var queue in queues)
                await admin.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: CancellationToken.None);
        }
    }

    private async Task<double> RelayAsync(IConnection connection, string[] queues, IReadOnlyList<ReadOnlyMemory<byte>> bodies, CancellationToken cancellationToken)
    {
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var channels = new List<IChannel>();
        try
        {
            // Hops 1 and 2 forward to the next queue; the last hop only counts.
            for (var hop = 0; hop < Hops; hop++)
            {
                var consumerChannel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(false, false, consumerDispatchConcurrency: options.ConsumerConcurrency), cancellationToken);
                channels.Add(consumerChannel);
                await consumerChannel.BasicQosAsync(0, options.PrefetchCount, false, cancellationToken);
                var consumer = new AsyncEventingBasicConsumer(consumerChannel);
                if (hop < Hops - 1)
                {
                    var next = queues[hop + 1];
                    var publishChannel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken);
                    channels.Add(publishChannel);
                    consumer.ReceivedAsync += async (_, delivery) =>
                    {
                        await publishChannel.BasicPublishAsync(string.Empty, next, true, Persistent, delivery.Body, cancellationToken);
                        await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false, cancellationToken);
                    };
                }
                else
                {
                    consumer.ReceivedAsync += async (_, delivery) =>
                    {
                        await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false, cancellationToken);
                        if (Interlocked.Increment(ref arrived) == bodies.Count) allArrived.TrySetResult();
                    };
                }

                await consumerChannel.BasicConsumeAsync(queues[hop], false, consumer, cancellationToken);
            }

            var clock = Stopwatch.StartNew();
            await using (var source = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken))
            {
                await PublishAllAsync(source, queues[0], bodies, cancellationToken);
            }

            await allArrived.Task.WaitAsync(options.Timeout, cancellationToken);
            return bodies.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var channel in channels)
                await channel.DisposeAsync();
        }
    }

    /// <summary>Publishes with a window of unconfirmed messages, as a publisher with confirms does to keep the link busy.</summary>
    private async Task PublishAllAsync(IChannel channel, string queue, IReadOnlyList<ReadOnlyMemory<byte>> bodies, CancellationToken cancellationToken)
    {
        var window = new List<Task>(options.PublishWindow);
        foreach (var body in bodies)
        {
            window.Add(channel.BasicPublishAsync(string.Empty, queue, true, Persistent, body, cancellationToken).AsTask());
            if (window.Count < options.PublishWindow) continue;
            await Task.WhenAll(window);
            window.Clear();
        }

        await Task.WhenAll(window);
    }

    private static BasicProperties Persistent => new() { Persistent = true, ContentType = "application/octet-stream" };
}

/// <summary>How hard the relay drives the broker; defaults chosen so the client is never the limit on two cores.</summary>
public sealed class RelayCeilingOptions
{
    public ushort PrefetchCount { get; set; } = 64;

    public ushort ConsumerConcurrency { get; set; } = 16;

    public int PublishWindow { get; set; } = 128;

    /// <summary>Relays measured; the median is the ceiling.</summary>
    public int Runs { get; set; } = 3;

    /// <summary>How long one relay may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);
}

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Pipeline.Benchmarking.Measuring;
using Polly;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.Benchmarking.Ceiling;

/// <summary>
/// What the broker itself can do: the given message bodies published into queue 1, relayed by bare
/// RabbitMQ.Client consumers to queue 2 and queue 3 and consumed there - the same three hops an article takes
/// (ingest -> extract -> index -> ingest), with the same guarantees the pipeline uses: persistent messages,
/// publisher confirms awaited before the inbound message is acknowledged, manual acks, quorum queues.
/// The queues are the bench's own scratch queues (a measuring tool, not the pipeline) and are deleted afterwards.
/// A relay the broker breaks off (a closed connection or channel) is run again from the start on fresh queues.
/// </summary>
public sealed partial class RelayCeiling(Uri brokerUri, RelayCeilingOptions options, ILogger logger)
{
    /// <summary>The name the relay's connections carry in the broker's management UI.</summary>
    public const string ConnectionName = "pipeline bench ceiling";

    private const int Hops = 3;

    private readonly ResiliencePipeline _brokenRelayRetry = BrokenRelayRetry.Build(
        options,
        new PredicateBuilder().Handle<RelayBrokenException>().Handle<OperationInterruptedException>().Handle<BrokerUnreachableException>(),
        (error, attempt, delay) => LogRelayRetry(logger, error, attempt, delay));

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
            rates.Add(await _brokenRelayRetry.ExecuteAsync(ct => new ValueTask<double>(MeasureOnceAsync(bodies, pace: null, ct)), cancellationToken));
        rates.Sort();
        return Percentiles.Of(rates, 50);
    }

    /// <summary>
    /// One relay of the bodies with the first queue fed at <paramref name="messagesPerSecond"/>, as the pipeline's
    /// inbox feeds it, rather than as fast as the broker takes them. What the broker spends per message depends on
    /// its load (it batches more when busy), so this is the relay to compare the pipeline's own broker cost with.
    /// </summary>
    /// <returns>The rate achieved end to end, in messages per second.</returns>
    public Task<double> MeasurePacedAsync(IReadOnlyList<ReadOnlyMemory<byte>> bodies, double messagesPerSecond, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messagesPerSecond);
        return _brokenRelayRetry.ExecuteAsync(ct => new ValueTask<double>(MeasureOnceAsync(bodies, messagesPerSecond, ct)), cancellationToken).AsTask();
    }

    private async Task<double> MeasureOnceAsync(IReadOnlyList<ReadOnlyMemory<byte>> bodies, double? pace, CancellationToken cancellationToken)
    {
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var queues = Enumerable.Range(1, Hops).Select(i => string.Create(CultureInfo.InvariantCulture, $"bench-ceiling-{run}-{i}")).ToArray();
        double rate;
        try
        {
            await using var connection = await ConnectAsync(cancellationToken);
            await using (var admin = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
            {
                // Should the clean-up below fail too, the broker drops the queues itself once they stand unused.
                var arguments = new Dictionary<string, object?> { ["x-queue-type"] = "quorum", ["x-expires"] = (int)options.LeftoverQueueExpiry.TotalMilliseconds };
                foreach (var queue in queues)
                    await admin.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellationToken);
            }

            rate = await RelayAsync(connection, queues, bodies, pace, cancellationToken);
        }
        catch (Exception relayError)
        {
            // The relay's error is the one to report; a failed clean-up after it is logged and must not hide it.
            await TryDeleteQueuesAsync(queues, relayError.Message);
            throw;
        }

        // A relay that finished has measured the broker: a failed clean-up (RabbitMQ 3.10 has answered a quorum
        // queue's deletion with 541 INTERNAL_ERROR right after a full run) must not send it round again.
        await TryDeleteQueuesAsync(queues, relayError: null);
        return rate;
    }

    /// <summary>Deletes the relay's queues; if the broker refuses, says so and leaves them to their expiry.</summary>
    private async Task TryDeleteQueuesAsync(string[] queues, string? relayError)
    {
        try
        {
            await DeleteQueuesAsync(queues);
        }
        catch (Exception cleanupError) when (IsFailedCleanup(cleanupError))
        {
            LogCleanupFailed(logger, cleanupError, string.Join(", ", queues), relayError ?? "it finished", options.LeftoverQueueExpiry);
        }
    }

    /// <summary>
    /// What the broker or the client says when a deletion did not happen; anything else is a bug and is thrown.
    /// The clean-up runs without the caller's token, so a cancellation is the client giving up on an answer
    /// (<see cref="RelayCeilingOptions.OperationTimeout"/>): RabbitMQ.Client 7 ends such a wait with a TaskCanceledException.
    /// </summary>
    internal static bool IsFailedCleanup(Exception error) =>
        error is OperationInterruptedException or BrokerUnreachableException or TimeoutException or OperationCanceledException;

    /// <summary>
    /// A connection of its own that fails at once when the broker closes it. The client's automatic recovery
    /// would reopen it but not the relay's consumers and confirms in flight, and the relay would wait out its timeout.
    /// The operation timeout (the client's default is 20 s) bounds each wait for the broker's answer, closing
    /// channels included, should a broken broker stop answering.
    /// </summary>
    private Task<IConnection> ConnectAsync(CancellationToken cancellationToken) => ConnectAsync(brokerUri, options, cancellationToken);

    /// <summary>The relays' connection: no automatic recovery, and each wait for the broker bounded by the operation timeout.</summary>
    internal static Task<IConnection> ConnectAsync(Uri brokerUri, RelayCeilingOptions options, CancellationToken cancellationToken) =>
        new ConnectionFactory
        {
            Uri = brokerUri,
            ClientProvidedName = ConnectionName,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            ContinuationTimeout = options.OperationTimeout,
        }.CreateConnectionAsync(cancellationToken);

    /// <summary>On a fresh connection, since the relay's own may be the one the broker closed.</summary>
    private async Task DeleteQueuesAsync(string[] queues)
    {
        await using var connection = await ConnectAsync(CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in queues)
            await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
    }

    private async Task<double> RelayAsync(IConnection connection, string[] queues, IReadOnlyList<ReadOnlyMemory<byte>> bodies, double? pace, CancellationToken cancellationToken)
    {
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var channels = new List<IChannel>();
        // A closed connection or channel ends the relay at once: a message lost with it would never arrive.
        // Publishes and acks in flight on a dead connection may never complete, so the break cancels them too.
        using var broken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task BreakOff(object? sender, ShutdownEventArgs closed)
        {
            if (closed.Initiator == ShutdownInitiator.Application) return Task.CompletedTask;
            allArrived.TrySetException(new RelayBrokenException($"the broker closed the relay's {(sender is IConnection ? "connection" : "channel")}: {closed.ReplyCode} {closed.ReplyText}"));
            return broken.CancelAsync();
        }

        connection.ConnectionShutdownAsync += BreakOff;
        try
        {
            // Hops 1 and 2 forward to the next queue; the last hop only counts.
            for (var hop = 0; hop < Hops; hop++)
            {
                var consumerChannel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(false, false, consumerDispatchConcurrency: options.ConsumerConcurrency), cancellationToken);
                channels.Add(consumerChannel);
                consumerChannel.ChannelShutdownAsync += BreakOff;
                await consumerChannel.BasicQosAsync(0, options.PrefetchCount, false, cancellationToken);
                var consumer = new AsyncEventingBasicConsumer(consumerChannel);
                if (hop < Hops - 1)
                {
                    var next = queues[hop + 1];
                    var publishChannel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken);
                    channels.Add(publishChannel);
                    publishChannel.ChannelShutdownAsync += BreakOff;
                    consumer.ReceivedAsync += async (_, delivery) =>
                    {
                        await publishChannel.BasicPublishAsync(string.Empty, next, true, Persistent, delivery.Body, broken.Token);
                        await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false, broken.Token);
                    };
                }
                else
                {
                    consumer.ReceivedAsync += async (_, delivery) =>
                    {
                        await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false, broken.Token);
                        if (Interlocked.Increment(ref arrived) == bodies.Count) allArrived.TrySetResult();
                    };
                }

                await consumerChannel.BasicConsumeAsync(queues[hop], false, consumer, cancellationToken);
            }

            var source = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken);
            channels.Add(source);
            source.ChannelShutdownAsync += BreakOff;
            var clock = Stopwatch.StartNew();
            await PublishAllAsync(source, queues[0], bodies, pace, clock, broken.Token);
            await allArrived.Task.WaitAsync(options.Timeout, broken.Token);
            return bodies.Count / clock.Elapsed.TotalSeconds;
        }
        catch (OperationCanceledException) when (allArrived.Task.IsFaulted)
        {
            // The break's own error says what happened; the cancellation it caused does not.
            await allArrived.Task;
            throw;
        }
        finally
        {
            connection.ConnectionShutdownAsync -= BreakOff;
            foreach (var channel in channels)
                channel.ChannelShutdownAsync -= BreakOff;
            foreach (var channel in channels)
                await channel.DisposeAsync();
        }
    }

    /// <summary>
    /// Publishes with a window of unconfirmed messages, as a publisher with confirms does to keep the link busy; with
    /// a <paramref name="pace"/>, each message no earlier than its turn (message i at i / pace seconds).
    /// </summary>
    private async Task PublishAllAsync(
        IChannel channel, string queue, IReadOnlyList<ReadOnlyMemory<byte>> bodies, double? pace, Stopwatch clock, CancellationToken cancellationToken)
    {
        var window = new ConfirmWindow(options.PublishWindow);
        for (var i = 0; i < bodies.Count; i++)
        {
            if (pace is { } perSecond && TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed is { TotalMilliseconds: >= 1 } early)
                await Task.Delay(early, cancellationToken);
            await window.AddAsync(channel.BasicPublishAsync(string.Empty, queue, true, Persistent, bodies[i], cancellationToken).AsTask());
        }

        await window.FlushAsync();
    }

    private static BasicProperties Persistent => new() { Persistent = true, ContentType = "application/octet-stream" };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ceiling: the broker broke off the relay; running it again on fresh queues (retry {RetryAttempt} in {RetryDelay})")]
    private static partial void LogRelayRetry(ILogger logger, Exception? exception, int retryAttempt, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ceiling: could not delete the relay's queues {Queues} after the relay ended ({RelayOutcome}); the broker drops them after {Expiry} unused")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception, string queues, string relayOutcome, TimeSpan expiry);
}

using Microsoft.Extensions.Options;
using Pipeline.Extraction.Messaging;
using Pipeline.Host.Messaging;
using Pipeline.Indexing;
using Pipeline.Ingest.Finishing;
using Polly;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.Host.Errors;

/// <summary>
/// Failed messages in the stages' <c>&lt;queue&gt;_error</c> queues on RabbitMQ, read and moved over AMQP.
/// Reading a message means taking it and putting it back at the tail (publish with confirm, then ack):
/// the error queues inherit the stage queues' delivery limit, so peeking by "get and requeue" would
/// count as a delivery and, repeated, make the broker drop the very messages being inspected.
/// </summary>
public sealed partial class RabbitMqFailedMessages(
    IOptions<RabbitMqOptions> broker,
    IOptions<ErrorsOptions> options,
    ILogger<RabbitMqFailedMessages> logger) : IFailedMessages
{
    public const string ErrorQueueSuffix = "_error";

    /// <summary>Stage name as users type it, and the queue its consumers read.</summary>
    public static readonly IReadOnlyList<(string Stage, string Queue)> StageQueues =
    [
        ("ingest", IngestEndpoint.QueueName),
        ("extract", ExtractArticleConsumerDefinition.QueueName),
        ("index", IndexArticlesConsumerDefinition.QueueName),
    ];

    private readonly ResiliencePipeline _connectRetry = new ResiliencePipelineBuilder()
        .AddRetry(new()
        {
            ShouldHandle = new PredicateBuilder().Handle<BrokerUnreachableException>(),
            MaxRetryAttempts = options.Value.BrokerRetryAttempts,
            Delay = options.Value.BrokerRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    public async Task<FailedMessageReport> ListAsync(CancellationToken cancellationToken)
    {
        var messages = new List<FailedMessage>();
        await using var connection = await ConnectAsync(cancellationToken);
        foreach (var (stage, queue) in StageQueues)
            messages.AddRange(await SweepAsync(connection, stage, queue, replay: null, cancellationToken));

        var groups = messages
            .GroupBy(m => (m.Stage, m.ExceptionType))
            .Select(g => new FailedMessageGroup(g.Key.Stage, g.Key.ExceptionType, g.Count(), g.First().ExceptionMessage, [.. g.Select(m => m.Id)]))
            .OrderBy(g => g.Stage, StringComparer.Ordinal).ThenByDescending(g => g.Count)
            .ToList();
        return new FailedMessageReport(true, null, groups, messages);
    }

    public async Task<ReplayResult> ReplayAsync(string? stage, string? messageId, CancellationToken cancellationToken)
    {
        if (stage is not null && !StageQueues.Any(s => s.Stage == stage))
            throw new ArgumentException($"Unknown stage '{stage}': use one of {string.Join(", ", StageQueues.Select(s => s.Stage))}.", nameof(stage));

        var replayed = 0;
        var remaining = 0;
        await using var connection = await ConnectAsync(cancellationToken);
        foreach (var (name, queue) in StageQueues)
        {
            bool Selected(FailedMessage m) => (stage is null || stage == name) && (messageId is null || m.Id == messageId);
            var swept = await SweepAsync(connection, name, queue, Selected, cancellationToken);
            var sent = swept.Count(Selected);
            replayed += sent;
            remaining += swept.Count - sent;
        }
        LogReplayed(replayed, stage ?? "all", messageId ?? "all", remaining);
        return new ReplayResult(true, null, replayed, remaining);
    }

    /// <summary>
    /// Takes each message now in the stage's error queue once, sends it back to the stage queue when
    /// <paramref name="replay"/> says so and to the tail of the error queue otherwise, and acknowledges
    /// the original only after the broker confirmed the copy: a crash in between duplicates, never loses.
    /// </summary>
    private static async Task<List<FailedMessage>> SweepAsync(IConnection connection, string stage, string queue, Func<FailedMessage, bool>? replay, CancellationToken cancellationToken)
    {
        var errorQueue = queue + ErrorQueueSuffix;
        var seen = new List<FailedMessage>();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        uint count;
        try
        {
            count = (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            // MassTransit creates an error queue with the first failure: no queue, no failed message.
            return seen;
        }

        for (var i = 0; i < count; i++)
        {
            var taken = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (taken is null) break;
            var message = FailedMessageHeaders.Describe(taken.BasicProperties, stage, errorQueue, taken.DeliveryTag);
            seen.Add(message);
            var back = replay?.Invoke(message) == true;
            var properties = back ? FailedMessageHeaders.ForReplay(taken.BasicProperties) : new BasicProperties(taken.BasicProperties);
            await channel.BasicPublishAsync(string.Empty, back ? queue : errorQueue, mandatory: true, properties, taken.Body, cancellationToken);
            await channel.BasicAckAsync(taken.DeliveryTag, multiple: false, cancellationToken);
        }
        return seen;
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker.Value.Uri, ClientProvidedName = "pipeline errors" };
        return await _connectRetry.ExecuteAsync(async ct => await factory.CreateConnectionAsync(ct), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Replayed} failed messages (stage {Stage}, id {MessageId}); {Remaining} stay in error queues")]
    private partial void LogReplayed(int replayed, string stage, string messageId, int remaining);
}

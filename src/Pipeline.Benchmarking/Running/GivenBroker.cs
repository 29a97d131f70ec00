using Pipeline.Extraction.Messaging;
using Pipeline.Indexing;
using Pipeline.Ingest.Finishing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Pipeline.Benchmarking.Running;

/// <summary>
/// The bench's workers read the pipeline's own queues. On a broker given with --rabbitmq where a pipeline is at
/// work (consumers on those queues) or has a backlog waiting (messages in them), they would take its articles into
/// the bench's throwaway stores, so the bench refuses such a broker before it starts anything.
/// </summary>
internal static class GivenBroker
{
    private static readonly string[] PipelineQueues =
        [IngestEndpoint.QueueName, ExtractArticleConsumerDefinition.QueueName, IndexArticlesConsumerDefinition.QueueName];

    /// <summary>Throws when a pipeline uses the broker; does nothing when none was given (a private one is started).</summary>
    public static async Task EnsureNoPipelineUsesAsync(Uri? broker, CancellationToken cancellationToken)
    {
        if (broker is null)
            return;

        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "pipeline bench check" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var inUse = new List<string>();
        foreach (var queue in PipelineQueues)
        {
            // A passive declare of a missing queue closes its channel: one channel per queue.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                var found = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                if (found.ConsumerCount > 0 || found.MessageCount > 0)
                    inUse.Add($"{queue} ({found.ConsumerCount} consumers, {found.MessageCount} messages)");
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.NotFound)
            {
                // No such queue: nothing of a pipeline's there.
            }
        }

        if (inUse.Count > 0)
            throw new InvalidOperationException(
                $"The broker given with --rabbitmq is in use by a pipeline: {string.Join(", ", inUse)}. The bench's workers would " +
                "take its messages. Give a broker, or a virtual host (amqp://host/VHOST), that no pipeline uses.");
    }
}

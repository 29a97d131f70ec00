using MassTransit;
using Microsoft.Extensions.Options;

namespace Pipeline.Ingest.Finishing;

/// <summary>The queue ingest's finishing consumers share.</summary>
public static class IngestEndpoint
{
    public const string QueueName = "pipeline-ingest";

    // Moving a file fails transiently when a share hiccups or a replica races for the same archive name;
    // a few quick retries cover that, anything longer is a real fault for the _error queue.
    internal static void Configure(IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
}

public sealed class ArticleIndexedConsumerDefinition : ConsumerDefinition<ArticleIndexedConsumer>
{
    public ArticleIndexedConsumerDefinition(IOptions<IngestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        EndpointName = IngestEndpoint.QueueName;
        ConcurrentMessageLimit = options.Value.ConsumerConcurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ArticleIndexedConsumer> consumerConfigurator, IRegistrationContext context) =>
        IngestEndpoint.Configure(endpointConfigurator);
}

public sealed class ArticleRejectedConsumerDefinition : ConsumerDefinition<ArticleRejectedConsumer>
{
    public ArticleRejectedConsumerDefinition(IOptions<IngestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        EndpointName = IngestEndpoint.QueueName;
        ConcurrentMessageLimit = options.Value.ConsumerConcurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ArticleRejectedConsumer> consumerConfigurator, IRegistrationContext context) =>
        IngestEndpoint.Configure(endpointConfigurator);
}

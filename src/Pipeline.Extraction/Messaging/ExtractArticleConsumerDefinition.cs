using MassTransit;
using Microsoft.Extensions.Options;

namespace Pipeline.Extraction.Messaging;

/// <summary>Queue name, retries and concurrency of the extract stage.</summary>
public sealed class ExtractArticleConsumerDefinition : ConsumerDefinition<ExtractArticleConsumer>
{
    public const string QueueName = "pipeline-extract";
    private readonly ExtractConsumerOptions _options;

    public ExtractArticleConsumerDefinition(IOptions<ExtractConsumerOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueName;
        // Extraction is CPU-bound, but a message keeps its slot until the broker confirms the article handed
        // on: with one message per core the cores idled through those round trips (distributed bench: 320-329
        // articles/s with one per core, 344-370 with two, 369-375 with four). Two per core, and a prefetch close
        // to that so that one replica does not hoard the backlog while others sit idle.
        ConcurrentMessageLimit = _options.Concurrency ?? 2 * Environment.ProcessorCount;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ExtractArticleConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = (ConcurrentMessageLimit ?? 1) * 2;
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<ExtractionRejectedException>();
            r.Exponential(_options.RetryLimit, _options.RetryMinInterval, _options.RetryMaxInterval, _options.RetryMinInterval);
        });
        // Publishes leave only after the consumer succeeded, so a retry never doubles a message.
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}

using MassTransit;
using Microsoft.Extensions.Options;

namespace Pipeline.Indexing;

/// <summary>Queue name, batching and retries of the index stage.</summary>
public sealed class IndexArticlesConsumerDefinition : ConsumerDefinition<IndexArticlesConsumer>
{
    public const string QueueName = "pipeline-index";
    private readonly IndexConsumerOptions _options;

    public IndexArticlesConsumerDefinition(IOptions<IndexConsumerOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueName;
        // A batch holds its messages unacknowledged until it is written: the endpoint must be allowed
        // to hold every message of every batch in flight.
        ConcurrentMessageLimit = _options.BatchSize * _options.ConcurrentBatches;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<IndexArticlesConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = ConcurrentMessageLimit ?? _options.BatchSize;
        consumerConfigurator.Options<BatchOptions>(b => b
            .SetMessageLimit(_options.BatchSize)
            .SetTimeLimit(_options.BatchTimeLimit)
            .SetConcurrencyLimit(_options.ConcurrentBatches));
        endpointConfigurator.UseMessageRetry(r =>
            r.Exponential(_options.RetryLimit, _options.RetryMinInterval, _options.RetryMaxInterval, _options.RetryMinInterval));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}

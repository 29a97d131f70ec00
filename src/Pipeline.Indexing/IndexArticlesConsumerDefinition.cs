using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Resilience;

namespace Pipeline.Indexing;

/// <summary>Queue name, batching, retries and outage behaviour of the index stage.</summary>
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

        // A store that is down is not the message's fault. The batch in hand keeps retrying for as long as
        // an outage may last (StoreOutageRetry*), and the kill switch stops the endpoint if it lasts longer,
        // so the rest of the backlog waits in the queue rather than being worn out into the error queue.
        endpointConfigurator.UseKillSwitch(k => k
            .SetActivationThreshold(_options.KillSwitchActivationThreshold)
            .SetTripThreshold(_options.KillSwitchTripThreshold)
            .SetRestartTimeout(_options.KillSwitchRestartTimeout)
            .SetExceptionFilter(f => f.Handle<Exception>(TransientFaults.IsTransient)));
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Handle<Exception>(TransientFaults.IsTransient);
            r.Interval(_options.StoreOutageRetryLimit, _options.StoreOutageRetryInterval);
        });
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<Exception>(TransientFaults.IsTransient);
            r.Exponential(_options.RetryLimit, _options.RetryMinInterval, _options.RetryMaxInterval, _options.RetryMinInterval);
        });
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}

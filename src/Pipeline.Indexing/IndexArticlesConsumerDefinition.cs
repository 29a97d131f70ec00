using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Resilience;

namespace Pipeline.Indexing;

/// <summary>Queue name, concurrency, retries and outage behaviour of the index stage.</summary>
public sealed class IndexArticlesConsumerDefinition : ConsumerDefinition<IndexArticlesConsumer>
{
    public const string QueueName = "pipeline-index";
    private readonly IndexConsumerOptions _options;

    public IndexArticlesConsumerDefinition(IOptions<IndexConsumerOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueName;
        // Every article a worker holds waits for, or is in, a store batch (GroupCommitWriter); see
        // IndexConsumerOptions.Concurrency for how many that is and why.
        ConcurrentMessageLimit = _options.Concurrency;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<IndexArticlesConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _options.Concurrency;

        // A store that is down is not the message's fault. An article in hand keeps retrying for as long as
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

using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Extraction.Messaging;
using Pipeline.Host.Hosting;
using Pipeline.Indexing;
using Pipeline.Ingest;

namespace Pipeline.Host.Messaging;

public static class BusRegistration
{
    /// <summary>
    /// Registers the consumers of the chosen stages on MassTransit, over the in-memory transport or RabbitMQ.
    /// Endpoints come from the consumer definitions; no queue is declared by hand.
    /// </summary>
    public static IServiceCollection AddPipelineBus(this IServiceCollection services, IConfiguration configuration, StageSet stages, PipelineOptions pipeline)
    {
        services.AddOptions<RabbitMqOptions>().Bind(configuration.GetSection(RabbitMqOptions.SectionName));
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            // Stage services that publish (the inbox watcher) start only once every endpoint is bound.
            o.WaitUntilStarted = true;
            o.StopTimeout = pipeline.ShutdownTimeout;
        });

        services.AddMassTransit(x =>
        {
            if (stages.HasFlag(StageSet.Ingest)) x.AddIngestConsumers();
            if (stages.HasFlag(StageSet.Extract)) x.AddExtractionConsumers(configuration);
            if (stages.HasFlag(StageSet.Index)) x.AddIndexingConsumers(configuration);

            x.AddConfigureEndpointsCallback((context, name, endpoint) => UseQuorumQueues(context, name, endpoint));

            if (string.Equals(pipeline.Transport, Transports.RabbitMq, StringComparison.OrdinalIgnoreCase))
                x.UsingRabbitMq(ConfigureRabbitMq);
            else
                x.UsingInMemory((context, cfg) => { cfg.UseInstrumentation(); cfg.ConfigureEndpoints(context); });
        });
        return services;
    }

    private static void ConfigureRabbitMq(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator cfg)
    {
        var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
        cfg.Host(options.Uri, h =>
        {
            h.PublisherConfirmation = true;
            h.ConnectionName($"pipeline {Environment.MachineName}/{Environment.ProcessId}");
        });
        cfg.UseInstrumentation();
        cfg.ConfigureEndpoints(context);
    }

    /// <summary>
    /// Every stage queue is a quorum queue with a delivery limit: replicated, durable, and a message that
    /// crashes its consumer again and again is stopped by the broker instead of looping forever. The broker
    /// dead-letters such a message into the stage's own <c>_error</c> queue (declared here, with the same
    /// arguments MassTransit gives it when it moves a faulted message there), so it is kept, listed by
    /// <c>pipeline errors list</c> and can be replayed, rather than silently dropped.
    /// </summary>
    private static void UseQuorumQueues(IRegistrationContext context, string queueName, IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is not IRabbitMqReceiveEndpointConfigurator rabbit) return;
        var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
        var errorQueue = queueName + "_error";
        rabbit.SetQuorumQueue();
        rabbit.SetQueueArgument("x-delivery-limit", options.DeliveryLimit);
        rabbit.BindDeadLetterQueue(errorQueue, errorQueue, q =>
        {
            q.SetQuorumQueue();
            q.SetQueueArgument("x-delivery-limit", options.DeliveryLimit);
            q.SetQueueArgument("x-dead-letter-exchange", errorQueue);
        });
    }
}

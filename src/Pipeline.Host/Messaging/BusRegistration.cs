using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Extraction.Messaging;
using Pipeline.Host.Hosting;
using Pipeline.Messaging.Serialization;
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
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = pipeline.MassTransitUsageTelemetry);

            if (string.Equals(pipeline.Transport, Transports.RabbitMq, StringComparison.OrdinalIgnoreCase))
                x.UsingRabbitMq((context, cfg) => ConfigureRabbitMq(context, cfg, stages));
            else
                x.UsingInMemory((context, cfg) =>
                {
                    UseCompactJson(cfg);
                    UseSinglePassJson(cfg);
                    cfg.UseInstrumentation();
                    cfg.ConfigureEndpoints(context);
                });
        });
        return services;
    }

    private static void ConfigureRabbitMq(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator cfg, StageSet stages)
    {
        var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
        cfg.Host(options.Uri, h =>
        {
            h.PublisherConfirmation = true;
            h.ConnectionName($"pipeline {Environment.MachineName}/{Environment.ProcessId}");
        });
        UseCompactJson(cfg);
        UseSinglePassJson(cfg);
        cfg.UseInstrumentation();
        DeclareNextStageQueues(cfg, stages, options.DeliveryLimit);
        cfg.ConfigureEndpoints(context);
    }

    /// <summary>
    /// MassTransit writes its JSON envelopes indented. An extracted article is mostly short entity and mention
    /// objects, so the indentation made the body about a third bigger, and every hop wrote and parsed that
    /// whitespace (the reader's SkipWhiteSpace was the hottest JSON frame in a profile of the embedded pipeline).
    /// </summary>
    private static void UseCompactJson(IBusFactoryConfigurator cfg) =>
        cfg.ConfigureJsonSerializerOptions(options =>
        {
            options.WriteIndented = false;
            return options;
        });

    /// <summary>
    /// Reads the pipeline's own messages in one pass (see <see cref="SinglePassJsonDeserializer"/>): MassTransit's
    /// deserializer went over every body three times, and reading was the largest part of its cost per hop.
    /// </summary>
    private static void UseSinglePassJson(IBusFactoryConfigurator cfg) =>
        cfg.AddDeserializer(new SinglePassJsonSerializerFactory(new KnownMessageTypes(PipelineMessages.All)));

    /// <summary>
    /// RabbitMQ drops a published message that no queue is bound for, so a stage publishing before the next stage's
    /// worker has ever run (a fresh broker, workers started in any order) would lose it. A stage that hands work on
    /// therefore declares the next stage's queue itself, bound to the message type's exchange, in the publish
    /// topology of the message it hands on: MassTransit declares that before the first publish of the type. The
    /// consumer later adds its own route (message exchange, then its endpoint exchange, then the same queue);
    /// RabbitMQ delivers a message to a queue once however many routes lead there. The queue arguments are the
    /// ones the consuming stage declares it with, or the broker would refuse one of the two declarations.
    /// </summary>
    private static void DeclareNextStageQueues(IRabbitMqBusFactoryConfigurator cfg, StageSet stages, int deliveryLimit)
    {
        if (stages.HasFlag(StageSet.Ingest))
            cfg.Publish<ArticleReceived>(p => BindStageQueue(p, ExtractArticleConsumerDefinition.QueueName, deliveryLimit));
        if (stages.HasFlag(StageSet.Extract))
            cfg.Publish<ArticleExtracted>(p => BindStageQueue(p, IndexArticlesConsumerDefinition.QueueName, deliveryLimit));
    }

    private static void BindStageQueue<T>(IRabbitMqMessagePublishTopologyConfigurator<T> message, string queueName, int deliveryLimit)
        where T : class =>
        message.BindQueue(message.Exchange.ExchangeName, queueName, q => UseStageQueueArguments(q, queueName, deliveryLimit));

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
        var errorQueue = ErrorQueueOf(queueName);
        rabbit.SetQuorumQueue();
        rabbit.SetQueueArgument("x-delivery-limit", options.DeliveryLimit);
        rabbit.BindDeadLetterQueue(errorQueue, errorQueue, q =>
        {
            q.SetQuorumQueue();
            q.SetQueueArgument("x-delivery-limit", options.DeliveryLimit);
            q.SetQueueArgument("x-dead-letter-exchange", errorQueue);
        });
    }

    /// <summary>A stage queue as <see cref="UseQuorumQueues"/> declares it (BindDeadLetterQueue sets its dead-letter exchange).</summary>
    private static void UseStageQueueArguments(IRabbitMqQueueBindingConfigurator queue, string queueName, int deliveryLimit)
    {
        queue.SetQuorumQueue();
        queue.SetQueueArgument("x-delivery-limit", deliveryLimit);
        queue.SetQueueArgument("x-dead-letter-exchange", ErrorQueueOf(queueName));
    }

    private static string ErrorQueueOf(string queueName) => queueName + "_error";
}

using Pipeline.Host.Hosting;
using Pipeline.Host.Messaging;

namespace Pipeline.Host.Errors;

public static class FailedMessagesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFailedMessages"/>: the RabbitMQ error queues when <c>Pipeline:Transport</c> is
    /// rabbitmq, otherwise the embedded variant that says failures are only in the log.
    /// </summary>
    public static IServiceCollection AddFailedMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ErrorsOptions>().Bind(configuration.GetSection(ErrorsOptions.SectionName));
        services.AddOptions<RabbitMqOptions>().Bind(configuration.GetSection(RabbitMqOptions.SectionName));
        var transport = configuration[$"{PipelineOptions.SectionName}:{nameof(PipelineOptions.Transport)}"];
        if (string.Equals(transport, Transports.RabbitMq, StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<IFailedMessages, RabbitMqFailedMessages>();
        else
            services.AddSingleton<IFailedMessages, EmbeddedFailedMessages>();
        return services;
    }
}

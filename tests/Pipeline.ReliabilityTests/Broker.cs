using MassTransit;
using Pipeline.Testing.RabbitMq;

namespace Pipeline.ReliabilityTests;

/// <summary>Test-side access to the private broker: publish as a stage would, and read queue depths.</summary>
internal static class Broker
{
    /// <summary>Publishes one message the way a stage does (MassTransit, publisher confirms), then disconnects.</summary>
    public static async Task PublishAsync<T>(RabbitMqServer server, T message)
        where T : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(server.AmqpUri, h => h.PublisherConfirmation = true));
        await bus.StartAsync(TimeSpan.FromSeconds(60));
        try
        {
            await bus.Publish(message);
        }
        finally
        {
            await bus.StopAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Messages in a queue, 0 when the broker has no such queue.</summary>
    public static async Task<long> MessagesAsync(RabbitMqManagementClient management, string queue, CancellationToken cancellationToken = default) =>
        (await management.GetQueueAsync(queue, cancellationToken: cancellationToken))?.Messages ?? 0;
}

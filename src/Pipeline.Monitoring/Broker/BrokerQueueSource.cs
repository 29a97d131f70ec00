using Microsoft.Extensions.Options;
using Pipeline.Monitoring.Health;

namespace Pipeline.Monitoring.Broker;

/// <summary>Queue figures from RabbitMQ's management API: the source of truth when stages run as separate workers.</summary>
public sealed class BrokerQueueSource(BrokerManagementClient client, IOptions<RabbitMqManagementOptions> options) : IQueueFiguresSource
{
    public string Description { get; } = $"rabbitmq {options.Value.DisplayUri()}";

    public async Task<IReadOnlyDictionary<string, QueueFigures>> ReadAsync(CancellationToken cancellationToken)
    {
        var queues = await client.GetQueuesAsync(cancellationToken);
        var byName = new Dictionary<string, QueueFigures>(queues.Count, StringComparer.Ordinal);
        foreach (var queue in queues) byName[queue.Name] = queue;
        return byName;
    }
}

using System.Text.Json;
using Pipeline.Testing.RabbitMq;

namespace Pipeline.Deploy.Tests.Containers;

/// <summary>What the broker says about the consumers of one queue: how many, and how many messages each was given.</summary>
internal static class BrokerShares
{
    public static async Task<int> ConsumerCountAsync(RabbitMqManagementClient management, string queue) =>
        (await management.GetQueueAsync(queue))?.Consumers ?? 0;

    /// <summary>Messages delivered to each consumer of <paramref name="queue"/>, by channel.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> DeliveriesPerConsumerAsync(RabbitMqManagementClient management, string queue)
    {
        var consumers = await management.GetJsonAsync("consumers");
        var shares = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var consumer in consumers.EnumerateArray())
        {
            if (consumer.GetProperty("queue").GetProperty("name").GetString() != queue)
            {
                continue;
            }

            var channel = consumer.GetProperty("channel_details").GetProperty("name").GetString()!;
            var details = await management.GetJsonAsync("channels/" + Uri.EscapeDataString(channel));
            shares[channel] = details.TryGetProperty("message_stats", out var stats)
                && stats.TryGetProperty("deliver_get", out var delivered)
                && delivered.ValueKind == JsonValueKind.Number
                    ? delivered.GetInt64()
                    : 0;
        }

        return shares;
    }
}

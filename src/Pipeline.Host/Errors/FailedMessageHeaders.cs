using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace Pipeline.Host.Errors;

/// <summary>
/// Reads what MassTransit (MT-Fault-*) or the broker (x-death, when a delivery limit dead-letters a message)
/// wrote on a failed message, and strips it again before a replay.
/// </summary>
internal static class FailedMessageHeaders
{
    private const string FaultPrefix = "MT-Fault-";
    private const string ReasonHeader = "MT-Reason";
    private const string DeathHeader = "x-death";

    public static FailedMessage Describe(IReadOnlyBasicProperties properties, string stage, string errorQueue, ulong deliveryTag)
    {
        var headers = properties.Headers;
        var id = properties.MessageId ?? $"delivery-{deliveryTag.ToString(CultureInfo.InvariantCulture)}";
        if (Text(headers, FaultPrefix + "ExceptionType") is { } exceptionType)
        {
            return new FailedMessage(
                id, stage, errorQueue, exceptionType,
                Text(headers, FaultPrefix + "Message") ?? string.Empty,
                DateTimeOffset.TryParse(Text(headers, FaultPrefix + "Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
                int.TryParse(Text(headers, FaultPrefix + "RetryCount"), CultureInfo.InvariantCulture, out var retries) ? retries : null,
                Text(headers, ReasonHeader) ?? "fault");
        }

        // No fault headers: the broker moved it here itself, e.g. after the queue's delivery limit, which is
        // what happens to a message that crashes its worker process every time.
        var death = FirstDeath(headers);
        var reason = death is null ? "unknown" : Text(death, "reason") ?? "unknown";
        var count = death is null ? null : Text(death, "count");
        return new FailedMessage(
            id, stage, errorQueue, "(dead-lettered by the broker)",
            $"The broker gave up on this message ({reason}) after {count ?? "?"} deliveries: it probably crashed the worker each time it was handled.",
            null, null, reason);
    }

    /// <summary>The headers a replayed message carries: its own, without the record of the earlier failure.</summary>
    public static BasicProperties ForReplay(IReadOnlyBasicProperties original)
    {
        var copy = new BasicProperties(original);
        if (original.Headers is { } headers)
        {
            copy.Headers = headers
                .Where(h => !h.Key.StartsWith(FaultPrefix, StringComparison.Ordinal) && h.Key != ReasonHeader &&
                            !h.Key.StartsWith("x-", StringComparison.Ordinal))
                .ToDictionary(h => h.Key, h => h.Value);
        }
        return copy;
    }

    private static IDictionary<string, object?>? FirstDeath(IDictionary<string, object?>? headers) =>
        headers is not null && headers.TryGetValue(DeathHeader, out var value) && value is IList<object> deaths && deaths.Count > 0
            ? deaths[0] as IDictionary<string, object?>
            : null;

    // AMQP strings arrive as byte arrays.
    private static string? Text(IDictionary<string, object?>? headers, string key) =>
        headers is not null && headers.TryGetValue(key, out var value)
            ? value switch
            {
                null => null,
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            }
            : null;
}

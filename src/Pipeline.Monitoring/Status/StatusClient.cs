using System.Net.Http.Json;
using Pipeline.Monitoring.Broker;
using Pipeline.Monitoring.Health;
using Polly;

namespace Pipeline.Monitoring.Status;

/// <summary>
/// Gets a status report for <c>pipeline status</c>: from a running host's <c>GET /api/status</c>, or straight
/// from the broker's management API. A source that cannot be read gives an Unhealthy report with the reason,
/// never an exception, so the command can still print it and exit 1.
/// </summary>
public sealed class StatusClient
{
    private readonly ResiliencePipeline _resilience;

    public StatusClient(TimeSpan attemptTimeout) => _resilience = HttpResilience.Create(attemptTimeout);

    public async Task<StatusReport> FromHostAsync(HttpClient http, Uri hostUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var statusUrl = new Uri(hostUrl, "api/status");
        try
        {
            var report = await _resilience.ExecuteAsync(
                async ct => await http.GetFromJsonAsync<StatusReport>(statusUrl, StatusJson.Options, ct),
                cancellationToken);
            return report ?? StatusBuilder.Unreachable(statusUrl.ToString(), "the host answered with an empty body", DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            return StatusBuilder.Unreachable(statusUrl.ToString(), e.Message, DateTimeOffset.UtcNow);
        }
    }

    /// <summary>
    /// One sample from the broker, added to <paramref name="history"/> so that repeated calls (--watch) see
    /// depth growth and lost workers as the host's sampler does.
    /// </summary>
    public static async Task<StatusReport> FromBrokerAsync(
        BrokerManagementClient client,
        MonitoringOptions options,
        SampleHistory history,
        string description,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(history);
        try
        {
            var queues = await client.GetQueuesAsync(cancellationToken);
            var byName = new Dictionary<string, QueueFigures>(queues.Count, StringComparer.Ordinal);
            foreach (var queue in queues) byName[queue.Name] = queue;
            history.Add(SampleComposer.Compose(DateTimeOffset.UtcNow, options.StageEndpoints(), byName, null, null, null, null));
            return StatusBuilder.Build(history.Snapshot(), options, description);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            return StatusBuilder.Unreachable(description, e.Message, DateTimeOffset.UtcNow);
        }
    }

    private static bool IsUnreachable(Exception e) =>
        e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or System.Text.Json.JsonException or NotSupportedException;
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pipeline.Monitoring.Health;
using Polly;

namespace Pipeline.Monitoring.Broker;

/// <summary>
/// Reads every queue of the virtual host from RabbitMQ's management API in one call, trimmed to the columns
/// the health model needs, so the answer stays small and fast with many queues.
/// </summary>
public sealed class BrokerManagementClient
{
    // Nested columns are named by their dotted path; the broker keeps the nesting in its reply.
    private const string Columns =
        "name,messages_ready,messages_unacknowledged,consumers,consumer_utilisation," +
        "message_stats.publish_details.rate,message_stats.deliver_get_details.rate,message_stats.redeliver_details.rate";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private readonly HttpClient _http;
    private readonly string _queuesPath;
    private readonly ResiliencePipeline _resilience;

    public BrokerManagementClient(HttpClient http, IOptions<RabbitMqManagementOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        var settings = options.Value;
        _queuesPath = $"api/queues/{Uri.EscapeDataString(settings.ResolveVirtualHost())}?columns={Columns}";
        _resilience = HttpResilience.Create(settings.ManagementTimeout);
    }

    /// <summary>Points an HttpClient at the management API with the configured credentials.</summary>
    public static void Configure(HttpClient http, RabbitMqManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        http.BaseAddress = new Uri(options.DisplayUri());
        if (options.ResolveCredentials() is var (user, password))
        {
            var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}"));
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", token);
        }
    }

    public async Task<IReadOnlyList<QueueFigures>> GetQueuesAsync(CancellationToken cancellationToken)
    {
        var queues = await _resilience.ExecuteAsync(
            async ct => await _http.GetFromJsonAsync<QueueDto[]>(_queuesPath, Json, ct),
            cancellationToken);
        if (queues is null) return [];

        var figures = new QueueFigures[queues.Length];
        for (var i = 0; i < queues.Length; i++)
        {
            var q = queues[i];
            figures[i] = new QueueFigures(
                q.Name,
                q.MessagesReady ?? 0,
                q.MessagesUnacknowledged ?? 0,
                q.Consumers ?? 0,
                q.ConsumerUtilisation,
                q.MessageStats?.PublishDetails?.Rate ?? 0,
                q.MessageStats?.DeliverGetDetails?.Rate ?? 0,
                q.MessageStats?.RedeliverDetails?.Rate ?? 0);
        }
        return figures;
    }

    private sealed record QueueDto(
        string Name,
        long? MessagesReady,
        long? MessagesUnacknowledged,
        int? Consumers,
        double? ConsumerUtilisation,
        MessageStatsDto? MessageStats);

    private sealed record MessageStatsDto(RateDto? PublishDetails, RateDto? DeliverGetDetails, RateDto? RedeliverDetails);

    private sealed record RateDto(double Rate);
}

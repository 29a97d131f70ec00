using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Pipeline.Testing.RabbitMq;

/// <summary>
/// A thin client for the RabbitMQ management HTTP API, for tests that assert on what the broker sees
/// (queues MassTransit declared, message counts, consumers). Credentials come from the AMQP URI.
/// </summary>
public sealed class RabbitMqManagementClient : IDisposable
{
    private readonly HttpClient _http;

    public RabbitMqManagementClient(Uri managementUri, NetworkCredential credentials)
    {
        ArgumentNullException.ThrowIfNull(managementUri);
        ArgumentNullException.ThrowIfNull(credentials);
        _http = new HttpClient { BaseAddress = managementUri, Timeout = TimeSpan.FromSeconds(30) };
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.UserName}:{credentials.Password}"));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
    }

    /// <summary>GET a path under /api/ (e.g. "overview") and return the parsed JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string apiPath, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri("api/" + apiPath, UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, apiPath, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>The queue's counts, or null if the broker has no such queue.</summary>
    public async Task<QueueStatistics?> GetQueueAsync(string queueName, string virtualHost = "/", CancellationToken cancellationToken = default)
    {
        var path = $"queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queueName)}";
        using var response = await _http.GetAsync(new Uri("api/" + path, UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, path, cancellationToken);
        var queue = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return ToStatistics(queue);
    }

    /// <summary>All queues of a virtual host.</summary>
    public async Task<IReadOnlyList<QueueStatistics>> GetQueuesAsync(string virtualHost = "/", CancellationToken cancellationToken = default)
    {
        var queues = await GetJsonAsync($"queues/{Uri.EscapeDataString(virtualHost)}", cancellationToken);
        return [.. queues.EnumerateArray().Select(ToStatistics)];
    }

    /// <summary>
    /// Closes every connection the given client named (ClientProvidedName), as an operator or a failing node
    /// would, and returns how many it closed.
    /// </summary>
    public async Task<int> CloseConnectionsAsync(string clientProvidedName, CancellationToken cancellationToken = default)
    {
        var names = await ConnectionsNamedAsync(clientProvidedName, cancellationToken);
        foreach (var name in names)
            await DeleteAsync("connections/" + Uri.EscapeDataString(name), cancellationToken);
        return names.Count;
    }

    /// <summary>Whether a client connection with this client-provided name is open.</summary>
    public async Task<bool> ConnectionExistsAsync(string clientProvidedName, CancellationToken cancellationToken = default) =>
        (await ConnectionsNamedAsync(clientProvidedName, cancellationToken)).Count > 0;

    private async Task<List<string>> ConnectionsNamedAsync(string clientProvidedName, CancellationToken cancellationToken)
    {
        var connections = await GetJsonAsync("connections", cancellationToken);
        return connections.EnumerateArray()
            .Where(c => c.TryGetProperty("client_properties", out var client) &&
                        client.TryGetProperty("connection_name", out var name) && name.GetString() == clientProvidedName)
            .Select(c => c.GetProperty("name").GetString()!)
            .ToList();
    }

    /// <summary>Creates a virtual host (or keeps the one there) and gives <paramref name="user"/> every right on it.</summary>
    public async Task CreateVirtualHostAsync(string virtualHost, string user, CancellationToken cancellationToken = default)
    {
        await PutJsonAsync("vhosts/" + Uri.EscapeDataString(virtualHost), new { }, cancellationToken);
        await SetPermissionsAsync(virtualHost, user, ".*", ".*", ".*", cancellationToken);
    }

    public Task DeleteVirtualHostAsync(string virtualHost, CancellationToken cancellationToken = default) =>
        DeleteAsync("vhosts/" + Uri.EscapeDataString(virtualHost), cancellationToken);

    /// <summary>Sets what <paramref name="user"/> may do on a virtual host: each right is a regular expression over resource names.</summary>
    public Task SetPermissionsAsync(string virtualHost, string user, string configure, string write, string read, CancellationToken cancellationToken = default) =>
        PutJsonAsync(
            $"permissions/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(user)}",
            new { configure, write, read },
            cancellationToken);

    internal async Task PutJsonAsync(string apiPath, object body, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync(new Uri("api/" + apiPath, UriKind.Relative), body, cancellationToken);
        await EnsureSuccessAsync(response, apiPath, cancellationToken);
    }

    internal async Task DeleteAsync(string apiPath, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri("api/" + apiPath, UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, apiPath, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private static QueueStatistics ToStatistics(JsonElement queue) => new(
        queue.GetProperty("name").GetString() ?? string.Empty,
        Count(queue, "messages"),
        Count(queue, "messages_ready"),
        Count(queue, "messages_unacknowledged"),
        (int)Count(queue, "consumers"));

    // Counts are missing from a queue's JSON until the first statistics interval has passed.
    private static long Count(JsonElement queue, string name) =>
        queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string apiPath, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"RabbitMQ management API /api/{apiPath} answered {(int)response.StatusCode} {response.ReasonPhrase}: {body}",
                null,
                response.StatusCode);
        }
    }
}

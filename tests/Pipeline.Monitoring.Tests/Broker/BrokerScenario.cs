using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Monitoring.Broker;
using Pipeline.Testing.RabbitMq;
using RabbitMQ.Client;

namespace Pipeline.Monitoring.Tests.Broker;

/// <summary>
/// Queues in a known state on a real broker, in a virtual host of their own (deleted on dispose): the stage
/// queues as MassTransit declares them (quorum), messages in them, an error queue, and one consumer that holds
/// a message unacknowledged.
/// </summary>
public sealed class BrokerScenario : IAsyncDisposable
{
    private readonly RabbitMqServer _server;
    private readonly HttpClient _management;
    private IConnection? _connection;

    private BrokerScenario(RabbitMqServer server, string virtualHost)
    {
        _server = server;
        VirtualHost = virtualHost;
        _management = new HttpClient { BaseAddress = new Uri(server.ManagementUri, "api/") };
        var credentials = server.Credentials;
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.UserName}:{credentials.Password}")));
    }

    public string VirtualHost { get; }

    /// <summary>The management API settings monitoring reads, pointed at this scenario's virtual host.</summary>
    public RabbitMqManagementOptions Options(string? password = null) => new()
    {
        Uri = _server.AmqpUri,
        ManagementUri = _server.ManagementUri,
        ManagementUserName = _server.Credentials.UserName,
        ManagementPassword = password ?? _server.Credentials.Password,
        VirtualHost = VirtualHost,
    };

    /// <summary>Monitoring's client over <paramref name="http"/>, as the host configures it.</summary>
    public BrokerManagementClient CreateClient(HttpClient http, string? password = null)
    {
        var options = Options(password);
        BrokerManagementClient.Configure(http, options);
        return new BrokerManagementClient(http, Microsoft.Extensions.Options.Options.Create(options));
    }

    /// <summary>The management URI with credentials, as a user would pass it to <c>pipeline status --management</c>.</summary>
    public string ManagementUriWithCredentials =>
        new UriBuilder(_server.ManagementUri) { UserName = _server.Credentials.UserName, Password = _server.Credentials.Password }.Uri.ToString();

    public static async Task<BrokerScenario> CreateAsync(RabbitMqServer server)
    {
        var scenario = new BrokerScenario(server, "monitoring-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        await scenario.CreateVirtualHostAsync();
        var factory = new ConnectionFactory
        {
            Uri = new UriBuilder(server.AmqpUri) { Path = Uri.EscapeDataString(scenario.VirtualHost) }.Uri,
        };
        scenario._connection = await factory.CreateConnectionAsync();
        return scenario;
    }

    public async Task DeclareAsync(params string[] queues)
    {
        await using var channel = await _connection!.CreateChannelAsync();
        foreach (var queue in queues)
        {
            var quorum = !queue.EndsWith("_error", StringComparison.Ordinal);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: quorum ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null);
        }
    }

    public async Task PublishAsync(string queue, int count)
    {
        await using var channel = await _connection!.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        for (var i = 0; i < count; i++)
            await channel.BasicPublishAsync(string.Empty, queue, Encoding.UTF8.GetBytes($"message {i}"));
    }

    /// <summary>A consumer that takes one message and never acknowledges it (until the scenario ends).</summary>
    public async Task HoldOneMessageAsync(string queue)
    {
        var channel = await _connection!.CreateChannelAsync();
        await channel.BasicQosAsync(0, 1, global: false);
        await channel.BasicConsumeAsync(queue, autoAck: false, new NothingConsumer(channel));
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        using var response = await _management.DeleteAsync(new Uri("vhosts/" + Uri.EscapeDataString(VirtualHost), UriKind.Relative));
        _management.Dispose();
    }

    private async Task CreateVirtualHostAsync()
    {
        var vhost = Uri.EscapeDataString(VirtualHost);
        (await _management.PutAsJsonAsync(new Uri($"vhosts/{vhost}", UriKind.Relative), new { })).EnsureSuccessStatusCode();
        var user = Uri.EscapeDataString(_server.Credentials.UserName);
        (await _management.PutAsJsonAsync(new Uri($"permissions/{vhost}/{user}", UriKind.Relative),
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
    }

    private sealed class NothingConsumer(IChannel channel) : AsyncDefaultBasicConsumer(channel);
}

using System.Net;
using System.Security.Cryptography;
using Pipeline.LocalServers;

namespace Pipeline.Testing.RabbitMq;

/// <summary>
/// A RabbitMQ broker for tests. By default a private node is started (Debian's rabbitmq-server, free ports,
/// temporary folder, management and prometheus plugins) and removed on dispose.
/// If <see cref="ExternalBrokerVariable"/> holds an AMQP URI, that broker is used instead: a fresh virtual host
/// is created on it for this instance (through the management API) and deleted on dispose, so tests stay isolated.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    /// <summary>AMQP URI of an existing broker to use instead of starting one, e.g. amqp://user:pass@host:5672/.</summary>
    public const string ExternalBrokerVariable = "PIPELINE_TEST_RABBITMQ";

    /// <summary>Management URL of that broker; defaults to port 15672 on the AMQP host.</summary>
    public const string ExternalManagementVariable = "PIPELINE_TEST_RABBITMQ_MANAGEMENT";

    /// <summary>Prometheus URL of that broker; defaults to port 15692 on the AMQP host.</summary>
    public const string ExternalPrometheusVariable = "PIPELINE_TEST_RABBITMQ_PROMETHEUS";

    private readonly PrivateRabbitMqNode? _node;

    private RabbitMqServer(PrivateRabbitMqNode? node, Uri amqpUri, Uri managementUri, Uri prometheusUri, string nodeName, string virtualHost)
    {
        _node = node;
        AmqpUri = amqpUri;
        ManagementUri = managementUri;
        PrometheusUri = prometheusUri;
        NodeName = nodeName;
        VirtualHost = virtualHost;
    }

    /// <summary>amqp://guest:guest@127.0.0.1:PORT/ for a private node (the path names the virtual host).</summary>
    public Uri AmqpUri { get; }

    /// <summary>http://127.0.0.1:PORT/ of the management plugin (the API is under /api/).</summary>
    public Uri ManagementUri { get; }

    /// <summary>http://127.0.0.1:PORT/ of the prometheus plugin (metrics under /metrics and /metrics/detailed).</summary>
    public Uri PrometheusUri { get; }

    /// <summary>The Erlang node name, e.g. pipeline-test-0a1b2c3d4e@localhost.</summary>
    public string NodeName { get; }

    /// <summary>The virtual host the tests use: "/" on a private node, a fresh one on an external broker.</summary>
    public string VirtualHost { get; }

    /// <summary>The private node's folder (config, cookie, data, logs), or null for an external broker.</summary>
    public string? DataDirectory => _node?.Directory;

    /// <summary>The private node's Erlang VM, or null for an external broker (or when it cannot be found).</summary>
    public int? BrokerProcessId => _node?.FindBrokerProcessId();

    /// <summary>True when the broker came from <see cref="ExternalBrokerVariable"/>.</summary>
    public bool IsExternal => _node is null;

    /// <summary>Only a private node can be restarted by the tests.</summary>
    public bool CanRestart => _node is not null;

    /// <summary>The AMQP credentials, also valid for the management API.</summary>
    public NetworkCredential Credentials => CredentialsOf(AmqpUri);

    /// <summary>Starts a private node, or connects to the broker named by <see cref="ExternalBrokerVariable"/>.</summary>
    public static Task<RabbitMqServer> StartAsync(CancellationToken cancellationToken = default) =>
        Environment.GetEnvironmentVariable(ExternalBrokerVariable) is { Length: > 0 } external
            ? UseExternalAsync(new Uri(external), cancellationToken)
            : StartPrivateAsync(cancellationToken);

    /// <summary>Always starts a private node, whatever the environment says (for fault tests that restart it).</summary>
    public static async Task<RabbitMqServer> StartPrivateAsync(CancellationToken cancellationToken = default)
    {
        var node = await PrivateRabbitMqNode.StartAsync("pipeline-test", cancellationToken);
        var ports = node.Ports;
        return new RabbitMqServer(
            node,
            node.AmqpUri,
            node.ManagementUri,
            new Uri($"http://127.0.0.1:{ports.Prometheus}/"),
            node.NodeName,
            "/");
    }

    public RabbitMqManagementClient CreateManagementClient() => new(ManagementUri, Credentials);

    /// <summary>Stops the RabbitMQ application (the Erlang node stays): connected clients lose the broker.</summary>
    public Task StopAppAsync(CancellationToken cancellationToken = default) =>
        RequireNode().StopAppAsync(cancellationToken);

    /// <summary>Starts the application again and returns once it accepts connections.</summary>
    public Task StartAppAsync(CancellationToken cancellationToken = default) =>
        RequireNode().StartAppAsync(cancellationToken);

    /// <summary>The server's output and log tail (private node), for failure messages.</summary>
    public string Diagnostics() => _node?.Diagnostics() ?? $"external broker {AmqpUri.Host}:{AmqpUri.Port}";

    /// <summary>Stops the private node and deletes its folder, or deletes this instance's virtual host on an external broker.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
            return;
        }

        using var management = CreateManagementClient();
        await management.DeleteVirtualHostAsync(VirtualHost, CancellationToken.None);
    }

    private static async Task<RabbitMqServer> UseExternalAsync(Uri brokerUri, CancellationToken cancellationToken)
    {
        var managementUri = UriFromVariable(ExternalManagementVariable) ?? new Uri($"http://{brokerUri.Host}:15672/");
        var prometheusUri = UriFromVariable(ExternalPrometheusVariable) ?? new Uri($"http://{brokerUri.Host}:15692/");
        var credentials = CredentialsOf(brokerUri);
        var virtualHost = "pipeline-test-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

        using var management = new RabbitMqManagementClient(managementUri, credentials);
        var overview = await management.GetJsonAsync("overview", cancellationToken);
        await management.CreateVirtualHostAsync(virtualHost, credentials.UserName, cancellationToken);

        var amqpUri = new UriBuilder(brokerUri) { Path = "/" + Uri.EscapeDataString(virtualHost) }.Uri;
        return new RabbitMqServer(null, amqpUri, managementUri, prometheusUri, overview.GetProperty("node").GetString() ?? "external", virtualHost);
    }

    private static Uri? UriFromVariable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? new Uri(value) : null;

    private static NetworkCredential CredentialsOf(Uri amqpUri)
    {
        var parts = amqpUri.UserInfo.Split(':', 2);
        return parts.Length == 2 && parts[0].Length > 0
            ? new NetworkCredential(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : new NetworkCredential("guest", "guest");
    }

    private PrivateRabbitMqNode RequireNode() =>
        _node ?? throw new NotSupportedException(
            $"The broker from {ExternalBrokerVariable} cannot be restarted by tests; use {nameof(StartPrivateAsync)} for fault tests.");
}

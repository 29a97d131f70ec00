using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using RabbitMQ.Client;

namespace Pipeline.Testing.Tests;

[Collection(RabbitMqFixture.CollectionName)]
public sealed class RabbitMqServerTests(RabbitMqFixture fixture)
{
    private static readonly TimeSpan StatisticsDeadline = TimeSpan.FromSeconds(20);

    private RabbitMqServer Server => fixture.Server;

    [Fact]
    public async Task Amqp_connection_is_seen_by_the_management_api()
    {
        var factory = new ConnectionFactory { Uri = Server.AmqpUri, ClientProvidedName = "fixture-smoke-" + Guid.NewGuid().ToString("N") };
        await using var connection = await factory.CreateConnectionAsync();
        Assert.True(connection.IsOpen);

        using var management = Server.CreateManagementClient();
        await Eventually.WaitUntilAsync(
            async ct =>
            {
                var connections = await management.GetJsonAsync("connections", ct);
                return connections.EnumerateArray().Any(c =>
                    c.TryGetProperty("client_properties", out var props)
                    && props.TryGetProperty("connection_name", out var name)
                    && name.GetString() == factory.ClientProvidedName);
            },
            StatisticsDeadline,
            "the management API to list the test's AMQP connection");
    }

    [Fact]
    public async Task Management_api_reports_this_node_with_both_plugins()
    {
        using var management = Server.CreateManagementClient();

        var overview = await management.GetJsonAsync("overview");

        Assert.Equal(Server.NodeName, overview.GetProperty("node").GetString());
        var listeners = overview.GetProperty("listeners").EnumerateArray()
            .Select(l => (Protocol: l.GetProperty("protocol").GetString(), Port: l.GetProperty("port").GetInt32()))
            .ToList();
        Assert.Contains(("amqp", Server.AmqpUri.Port), listeners);
        Assert.Contains(("http", Server.ManagementUri.Port), listeners);
        Assert.Contains(("http/prometheus", Server.PrometheusUri.Port), listeners);
    }

    [Fact]
    public async Task Prometheus_endpoint_serves_rabbitmq_metrics()
    {
        using var http = new HttpClient { BaseAddress = Server.PrometheusUri };

        var metrics = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));

        Assert.Contains("rabbitmq_build_info", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_statistics_follow_what_a_client_does()
    {
        var queueName = "fixture-smoke-" + Guid.NewGuid().ToString("N");
        var factory = new ConnectionFactory { Uri = Server.AmqpUri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queueName, durable: false, exclusive: true, autoDelete: true);
        await channel.BasicPublishAsync(string.Empty, queueName, "one"u8.ToArray());
        await channel.BasicPublishAsync(string.Empty, queueName, "two"u8.ToArray());
        using var management = Server.CreateManagementClient();

        var queue = await Eventually.WaitForAsync(
            async ct => await management.GetQueueAsync(queueName, Server.VirtualHost, ct) is { Messages: 2 } q ? q : null,
            StatisticsDeadline,
            $"queue {queueName} to report 2 messages");

        Assert.Equal(2, queue.MessagesReady);
        Assert.Equal(0, queue.Consumers);
        Assert.Null(await management.GetQueueAsync("no-such-queue-" + Guid.NewGuid().ToString("N"), Server.VirtualHost));
    }

    [Fact]
    public async Task Management_client_reports_api_errors_with_status_and_path()
    {
        using var management = Server.CreateManagementClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => management.GetJsonAsync("no-such-endpoint"));

        Assert.Contains("/api/no-such-endpoint", error.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }
}

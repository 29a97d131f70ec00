using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.Status;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;

namespace Pipeline.Monitoring.Tests.Broker;

/// <summary>The management API client and the broker-side status against a real private RabbitMQ.</summary>
[Collection(RabbitMqFixture.CollectionName)]
public sealed class ManagementApiTests(RabbitMqFixture broker) : IAsyncLifetime
{
    // The broker refreshes queue statistics about every 5 s.
    private static readonly TimeSpan StatisticsDeadline = TimeSpan.FromSeconds(30);
    private BrokerScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _scenario = await BrokerScenario.CreateAsync(broker.Server);
        await _scenario.DeclareAsync("pipeline-ingest", "pipeline-extract", "pipeline-index", "pipeline-extract_error", "unrelated");
        await _scenario.PublishAsync("pipeline-extract", 7);
        await _scenario.PublishAsync("pipeline-extract_error", 2);
        await _scenario.PublishAsync("pipeline-index", 3);
        await _scenario.HoldOneMessageAsync("pipeline-index");
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Reads_every_queue_of_the_virtual_host_in_one_call()
    {
        using var http = new HttpClient();
        var client = _scenario.CreateClient(http);

        IReadOnlyList<QueueFigures> queues = [];
        await Eventually.WaitUntilAsync(async ct =>
        {
            queues = await client.GetQueuesAsync(ct);
            return queues.Any(q => q is { Name: "pipeline-index", Unacked: 1, Ready: 2 }) && queues.Any(q => q is { Name: "pipeline-extract", Ready: 7 });
        }, StatisticsDeadline, "the broker's statistics show the published messages");

        Assert.Equal(["pipeline-extract", "pipeline-extract_error", "pipeline-index", "pipeline-ingest", "unrelated"], queues.Select(q => q.Name).Order());
        var index = Assert.Single(queues, q => q.Name == "pipeline-index");
        Assert.Equal(1, index.Consumers);
        var extract = Assert.Single(queues, q => q.Name == "pipeline-extract");
        Assert.Equal(0, extract.Consumers);
        Assert.Equal(2, Assert.Single(queues, q => q.Name == "pipeline-extract_error").Ready);
    }

    [Fact]
    public async Task Status_from_the_broker_raises_no_consumer_and_error_queue_alerts()
    {
        using var http = new HttpClient();
        var client = _scenario.CreateClient(http);
        var monitoring = new MonitoringOptions();

        StatusReport report = null!;
        await Eventually.WaitUntilAsync(async ct =>
        {
            report = await StatusClient.FromBrokerAsync(client, monitoring, SampleHistory.For(monitoring), "broker", ct);
            return report.Stages.Any(s => s is { Stage: "extract", Ready: 7, Errors: 2 });
        }, StatisticsDeadline, "the broker's statistics show the published messages");

        Assert.Equal(PipelineHealth.Unhealthy, report.Health);
        Assert.Contains(report.Alerts, a => a is { Code: AlertCodes.NoConsumers, Stage: "extract", Severity: AlertSeverity.Critical });
        Assert.Contains(report.Alerts, a => a is { Code: AlertCodes.ErrorQueue, Stage: "extract" });
        Assert.DoesNotContain(report.Alerts, a => a.Stage == "index" && a.Code == AlertCodes.NoConsumers);
        Assert.DoesNotContain(report.Alerts, a => a.Stage == "ingest");
    }

    [Fact]
    public async Task A_wrong_password_is_reported_at_once_not_retried()
    {
        using var http = new HttpClient();
        var client = _scenario.CreateClient(http, password: "not-the-password");
        var monitoring = new MonitoringOptions();

        var report = await StatusClient.FromBrokerAsync(client, monitoring, SampleHistory.For(monitoring), "broker", CancellationToken.None);

        Assert.Equal(PipelineHealth.Unhealthy, report.Health);
        var alert = Assert.Single(report.Alerts);
        Assert.Equal(AlertCodes.SourceUnreachable, alert.Code);
        Assert.Contains("401", alert.Message, StringComparison.Ordinal);
    }
}

using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.Status;
using Pipeline.Monitoring.Tests.Broker;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Xunit.Abstractions;

namespace Pipeline.Monitoring.Tests.Command;

/// <summary>
/// <c>pipeline worker --management</c>: a worker whose broker's management API is not on port 15672 of the AMQP host
/// (a private node, as the bench starts) still reads its queue health.
/// </summary>
[Collection(RabbitMqFixture.CollectionName)]
public sealed class WorkerManagementOptionTests(RabbitMqFixture broker, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("pipeline-monitoring-worker-");
    private BrokerScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await BrokerScenario.CreateAsync(broker.Server);

    public async Task DisposeAsync()
    {
        await _scenario.DisposeAsync();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task A_worker_reads_queue_health_from_the_management_api_named_on_its_command_line()
    {
        var management = broker.Server.ManagementUri;
        var url = new Uri($"http://127.0.0.1:{FreePorts.Take(1)[0]}/");
        var amqp = new UriBuilder(broker.Server.AmqpUri) { Path = "/" + Uri.EscapeDataString(_scenario.VirtualHost) }.Uri;
        // The scenario's virtual host is named only in the AMQP URI's path: the management API is asked for the same one.
        await using var worker = PipelineHost.Start(output, "extract", new Dictionary<string, string?>
        {
            ["Monitoring__SampleInterval"] = "00:00:00.500",
        }, "worker", "extract", "--rabbitmq", amqp.ToString(), "--management", management.ToString(), "--data", _data.FullName, "--urls", url.ToString().TrimEnd('/'));

        StatusReport? report = null;
        await Eventually.WaitUntilAsync(async ct =>
        {
            report = await StatusEndpoint.TryReadAsync(url, ct);
            return report is not null && report.Stages.Any(s => s is { Stage: "extract", Consumers: 1 });
        }, TimeSpan.FromSeconds(60), "the worker to report its own queue with its consumer, read from the broker");

        Assert.Contains($":{management.Port}/", report!.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Alerts, a => a.Code == AlertCodes.SourceUnreachable);
        await worker.StopGracefullyAsync(TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(worker.OutputLines, line => line.Contains("could not be read", StringComparison.Ordinal));
    }
}

using System.Diagnostics;
using System.Text.Json;
using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.Status;
using Pipeline.Monitoring.Tests.Broker;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;
using Xunit.Abstractions;

namespace Pipeline.Monitoring.Tests.Command;

/// <summary><c>pipeline status --management</c>: the real executable asking a real broker.</summary>
[Collection(RabbitMqFixture.CollectionName)]
public sealed class StatusCommandBrokerTests(RabbitMqFixture broker, ITestOutputHelper output) : IAsyncLifetime
{
    private BrokerScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _scenario = await BrokerScenario.CreateAsync(broker.Server);
        await _scenario.DeclareAsync("pipeline-ingest", "pipeline-extract", "pipeline-index");
        await _scenario.PublishAsync("pipeline-extract", 4);
        // The command reads what the broker's statistics say; wait until they show the messages.
        using var http = new HttpClient();
        var client = _scenario.CreateClient(http);
        await Eventually.WaitUntilAsync(
            async ct => (await client.GetQueuesAsync(ct)).Any(q => q is { Name: "pipeline-extract", Ready: 4 }),
            TimeSpan.FromSeconds(30), "the broker's statistics show the published messages");
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Json_output_has_the_contract_shape_and_exit_code_one_when_a_stage_has_no_consumer()
    {
        var watch = Stopwatch.StartNew();
        var result = await PipelineHost.RunAsync(Environment(), "status", "--json", "--management", _scenario.ManagementUriWithCredentials);
        output.WriteLine($"pipeline status --management took {watch.ElapsedMilliseconds} ms (process start included)");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("Unhealthy", root.GetProperty("health").GetString());
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["ingest", "extract", "index"], stages.Select(s => s.GetProperty("stage").GetString()));
        var extract = stages[1];
        foreach (var field in new[] { "stage", "queue", "ready", "unacked", "consumers", "publishRate", "deliverRate", "errorQueue", "errors" })
            Assert.True(extract.TryGetProperty(field, out _), $"stage has no '{field}'");
        Assert.Equal(4, extract.GetProperty("ready").GetInt64());
        Assert.Equal(0, extract.GetProperty("consumers").GetInt32());
        Assert.Equal("pipeline-extract_error", extract.GetProperty("errorQueue").GetString());
        var alert = Assert.Single(root.GetProperty("alerts").EnumerateArray());
        Assert.Equal("Critical", alert.GetProperty("severity").GetString());
        Assert.Equal("extract", alert.GetProperty("stage").GetString());
        Assert.Contains("no consumer", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The password given in the URI never appears in what the command prints.
        Assert.DoesNotContain(broker.Server.Credentials.Password + "@", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_output_names_the_queues_and_the_alert()
    {
        var result = await PipelineHost.RunAsync(Environment(), "status", "--management", _scenario.ManagementUriWithCredentials);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("pipeline-extract", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Unhealthy", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("pipeline worker extract", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_report_comes_from_the_library_and_the_command()
    {
        var monitoring = new MonitoringOptions();
        using var http = new HttpClient();
        var library = await StatusClient.FromBrokerAsync(_scenario.CreateClient(http), monitoring, SampleHistory.For(monitoring), "broker", CancellationToken.None);

        var result = await PipelineHost.RunAsync(Environment(), "status", "--json", "--management", _scenario.ManagementUriWithCredentials);
        var command = StatusJson.Deserialize(result.StandardOutput)!;

        Assert.Equal(library.Health, command.Health);
        Assert.Equal(library.Stages.Select(s => (s.Stage, s.Ready, s.Consumers, s.Errors)), command.Stages.Select(s => (s.Stage, s.Ready, s.Consumers, s.Errors)));
        Assert.Equal(library.Alerts.Select(a => a.Code), command.Alerts.Select(a => a.Code));
    }

    // The scenario's queues live in a virtual host of their own; the command reads it from configuration.
    private Dictionary<string, string?> Environment() => new() { ["RabbitMq__VirtualHost"] = _scenario.VirtualHost };
}

using System.Text.Json;
using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.Status;
using Pipeline.Monitoring.Tests.Health;

namespace Pipeline.Monitoring.Tests.Status;

public sealed class StatusJsonTests
{
    [Fact]
    public void The_report_has_the_documented_shape()
    {
        var history = new[] { Samples.At(TimeSpan.Zero, Samples.Stage("index", ready: 4, consumers: 0, errors: 2)) };
        var report = StatusBuilder.Build(history, new MonitoringOptions(), "process");

        using var json = JsonDocument.Parse(StatusJson.Serialize(report));
        var root = json.RootElement;

        Assert.Equal("Unhealthy", root.GetProperty("health").GetString());
        var stage = Assert.Single(root.GetProperty("stages").EnumerateArray());
        foreach (var field in new[] { "stage", "queue", "ready", "unacked", "consumers", "publishRate", "deliverRate", "errorQueue", "errors" })
            Assert.True(stage.TryGetProperty(field, out _), $"stage has no '{field}'");
        Assert.Equal("index", stage.GetProperty("stage").GetString());
        Assert.Equal("pipeline-index", stage.GetProperty("queue").GetString());
        Assert.Equal(4, stage.GetProperty("ready").GetInt64());
        Assert.Equal("pipeline-index_error", stage.GetProperty("errorQueue").GetString());
        Assert.Equal(2, stage.GetProperty("errors").GetInt64());

        var severities = root.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("severity").GetString()).ToList();
        Assert.Contains("Critical", severities);
        Assert.Contains("Warning", severities);
        Assert.All(root.GetProperty("alerts").EnumerateArray(), a =>
        {
            Assert.Equal("index", a.GetProperty("stage").GetString());
            Assert.False(string.IsNullOrEmpty(a.GetProperty("message").GetString()));
        });
    }

    [Theory]
    [InlineData(0, 0, PipelineHealth.Healthy, 0)]
    [InlineData(0, 1, PipelineHealth.Degraded, 1)]
    [InlineData(5, 0, PipelineHealth.Unhealthy, 1)]
    public void Exit_code_is_zero_only_when_healthy(long readyWithoutConsumers, long errors, PipelineHealth health, int exitCode)
    {
        var history = new[] { Samples.At(TimeSpan.Zero, Samples.Stage(ready: readyWithoutConsumers, consumers: 0, errors: errors)) };

        var report = StatusBuilder.Build(history, new MonitoringOptions(), "process");

        Assert.Equal(health, report.Health);
        Assert.Equal(exitCode, report.ExitCode);
    }

    [Fact]
    public void A_report_survives_the_round_trip_through_json()
    {
        var history = new[] { Samples.At(TimeSpan.Zero, Samples.Stage(errors: 1)) };
        var report = StatusBuilder.Build(history, new MonitoringOptions(), "process");

        var back = StatusJson.Deserialize(StatusJson.Serialize(report))!;

        Assert.Equal(report.Health, back.Health);
        Assert.Equal(report.Stages, back.Stages);
        Assert.Equal(report.Alerts, back.Alerts);
    }
}

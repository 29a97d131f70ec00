using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.InProcess;
using Pipeline.Monitoring.Metrics;

namespace Pipeline.Monitoring.Tests.Health;

public sealed class QueueHealthSamplerTests
{
    [Fact]
    public async Task A_source_that_fails_gives_an_unhealthy_report_instead_of_stopping_the_host()
    {
        using var meters = new UnlistenedMeterFactory();
        var options = Options.Create(new MonitoringOptions());
        var state = new MonitoringState(options);
        var sampler = new QueueHealthSampler(
            new FailingSource(),
            new StageActivity(16),
            new IngestFolders(new ConfigurationBuilder().Build()),
            [],
            state,
            new PipelineMetrics(meters),
            options,
            TimeProvider.System,
            NullLogger<QueueHealthSampler>.Instance);

        await sampler.SampleOnceAsync(CancellationToken.None);

        var report = state.Current!;
        Assert.Equal(PipelineHealth.Unhealthy, report.Health);
        var alert = Assert.Single(report.Alerts);
        Assert.Equal(AlertCodes.SourceUnreachable, alert.Code);
        Assert.Contains("not JSON", alert.Message, StringComparison.Ordinal);
    }

    private sealed class FailingSource : IQueueFiguresSource
    {
        public string Description => "broken broker";

        public Task<IReadOnlyDictionary<string, QueueFigures>> ReadAsync(CancellationToken cancellationToken) =>
            throw new JsonException("The management API answered with something that is not JSON.");
    }
}

using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.InProcess;
using Pipeline.Monitoring.Metrics;
using Pipeline.Testing.Logging;

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

    [Fact]
    public async Task An_unreachable_source_is_warned_about_once_and_its_recovery_said_once()
    {
        using var meters = new UnlistenedMeterFactory();
        var options = Options.Create(new MonitoringOptions());
        var source = new FlakySource();
        var logger = new RecordingLogger<QueueHealthSampler>();
        var sampler = new QueueHealthSampler(
            source,
            new StageActivity(16),
            new IngestFolders(new ConfigurationBuilder().Build()),
            [],
            new MonitoringState(options),
            new PipelineMetrics(meters),
            options,
            TimeProvider.System,
            logger);

        source.Fails = true;
        for (var i = 0; i < 3; i++)
            await sampler.SampleOnceAsync(CancellationToken.None);
        source.Fails = false;
        await sampler.SampleOnceAsync(CancellationToken.None);
        await sampler.SampleOnceAsync(CancellationToken.None);
        source.Fails = true;
        await sampler.SampleOnceAsync(CancellationToken.None);

        Assert.Equal(
            [(LogLevel.Warning, true), (LogLevel.Debug, false), (LogLevel.Debug, false), (LogLevel.Information, false), (LogLevel.Warning, true)],
            logger.Entries.Select(e => (e.Level, e.Exception is not null)));
        Assert.Contains("3 failed reads", logger.Entries[3].Message, StringComparison.Ordinal);
    }

    private sealed class FlakySource : IQueueFiguresSource
    {
        public bool Fails { get; set; }

        public string Description => "flaky broker";

        public Task<IReadOnlyDictionary<string, QueueFigures>> ReadAsync(CancellationToken cancellationToken) => Fails
            ? throw new HttpRequestException("Connection refused")
            : Task.FromResult<IReadOnlyDictionary<string, QueueFigures>>(new Dictionary<string, QueueFigures>());
    }

    private sealed class FailingSource : IQueueFiguresSource
    {
        public string Description => "broken broker";

        public Task<IReadOnlyDictionary<string, QueueFigures>> ReadAsync(CancellationToken cancellationToken) =>
            throw new JsonException("The management API answered with something that is not JSON.");
    }
}

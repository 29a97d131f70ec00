using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Monitoring.InProcess;
using Pipeline.Monitoring.Metrics;
using Pipeline.Monitoring.Status;

namespace Pipeline.Monitoring.Health;

/// <summary>Reads the queue figures every <see cref="MonitoringOptions.SampleInterval"/>, keeps the history and publishes the report.</summary>
public sealed partial class QueueHealthSampler(
    IQueueFiguresSource source,
    StageActivity activity,
    IngestFolders folders,
    IEnumerable<IStoredDocumentCount> storedCounts,
    MonitoringState state,
    PipelineMetrics metrics,
    IOptions<MonitoringOptions> options,
    TimeProvider clock,
    ILogger<QueueHealthSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, clock);
        do
        {
            await SampleOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var queues = await source.ReadAsync(cancellationToken);
            var stored = await CountStoredAsync(cancellationToken);
            var sample = SampleComposer.Compose(clock.GetUtcNow(), settings.StageEndpoints(), queues, activity, folders.InboxFiles(), folders.QuarantinedFiles(), stored);
            state.History.Add(sample);
            metrics.Observe(sample);
            state.Publish(StatusBuilder.Build(state.History.Snapshot(), settings, source.Description));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Monitoring must never stop the pipeline it watches: the report says the figures are missing and
            // why, the warning is logged, and the sampler tries again on the next tick.
            LogSourceUnreachable(e, source.Description);
            state.Publish(StatusBuilder.Unreachable(source.Description, e.Message, clock.GetUtcNow()));
        }
    }

    /// <summary>The store's count, or null (logged) when it cannot answer: queue health must not depend on the store.</summary>
    private async Task<long?> CountStoredAsync(CancellationToken cancellationToken)
    {
        long? stored = null;
        foreach (var count in storedCounts)
        {
            try
            {
                stored = await count.CountAsync(cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogStoreCountFailed(e);
            }
        }
        return stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The number of stored documents could not be read")]
    private partial void LogStoreCountFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue figures could not be read from {Source}")]
    private partial void LogSourceUnreachable(Exception exception, string source);
}

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
    // Failed reads in a row. A broker down for an hour fails 720 reads at the default interval: the first is
    // logged with its exception, the rest only at debug level, and the recovery once.
    private int _failedReads;

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
            if (_failedReads > 0)
                LogSourceReachableAgain(source.Description, _failedReads);
            _failedReads = 0;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Monitoring must never stop the pipeline it watches: the report says the figures are missing and
            // why, the first failure in a row is logged as a warning, and the sampler tries again on the next tick.
            if (++_failedReads == 1)
                LogSourceUnreachable(e, source.Description);
            else
                LogSourceStillUnreachable(source.Description, _failedReads, e.Message);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue figures could not be read from {Source}; further failures are logged at debug level until it answers again")]
    private partial void LogSourceUnreachable(Exception exception, string source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Queue figures still could not be read from {Source} ({FailedReads} failed reads in a row): {Error}")]
    private partial void LogSourceStillUnreachable(string source, int failedReads, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue figures are read from {Source} again, after {FailedReads} failed reads")]
    private partial void LogSourceReachableAgain(string source, int failedReads);
}

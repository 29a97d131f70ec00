using System.Diagnostics;
using MassTransit;
using Pipeline.Contracts;
using Pipeline.Monitoring.Metrics;

namespace Pipeline.Monitoring.InProcess;

/// <summary>
/// Watches every message this process consumes and records, per stage, deliveries, outcomes and durations
/// (observers see a message once, around all of its in-process retries); at ingest (ArticleIndexed / ArticleRejected) it records the end of the document's way.
/// Stage libraries stay untouched: the host registers this observer on the bus.
/// </summary>
public sealed class StageConsumeObserver(StageActivity activity, PipelineMetrics metrics, TimeProvider clock) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (activity.For(StageMessages.ConsumedBy(typeof(T)) ?? string.Empty) is not { } counters) return Task.CompletedTask;
        counters.Started();
        context.GetOrAddPayload(() => new ConsumeTiming(Stopwatch.GetTimestamp()));
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (StageMessages.ConsumedBy(typeof(T)) is not { } stage || activity.For(stage) is not { } counters) return Task.CompletedTask;
        var duration = Elapsed(context);
        counters.Succeeded(duration);
        metrics.StageHandled(stage, duration, succeeded: true);

        switch (context.Message)
        {
            case ArticleIndexed indexed:
                var endToEnd = clock.GetUtcNow() - indexed.DroppedAt;
                activity.DocumentCompleted(endToEnd);
                metrics.DocumentCompleted(endToEnd);
                break;
            case ArticleRejected rejected:
                activity.DocumentQuarantined();
                metrics.FileQuarantined(rejected.Stage);
                break;
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (StageMessages.ConsumedBy(typeof(T)) is not { } stage || activity.For(stage) is not { } counters) return Task.CompletedTask;
        var duration = Elapsed(context);
        counters.Faulted(duration);
        metrics.StageHandled(stage, duration, succeeded: false);
        return Task.CompletedTask;
    }

    private static TimeSpan Elapsed(ConsumeContext context) =>
        context.TryGetPayload<ConsumeTiming>(out var timing) ? Stopwatch.GetElapsedTime(timing.StartedAt) : TimeSpan.Zero;

    /// <summary>When this attempt started; carried on the consume context from Pre to Post.</summary>
    private sealed record ConsumeTiming(long StartedAt);
}

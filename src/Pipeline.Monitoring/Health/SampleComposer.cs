using Pipeline.Monitoring.InProcess;

namespace Pipeline.Monitoring.Health;

/// <summary>Joins queue figures (broker or process) with what this process saw of each stage into one sample.</summary>
public static class SampleComposer
{
    public static PipelineSample Compose(
        DateTimeOffset at,
        IReadOnlyList<StageEndpoint> stages,
        IReadOnlyDictionary<string, QueueFigures> queues,
        StageActivity? activity,
        long? inboxFiles,
        long? quarantinedFiles,
        long? documentsStored)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(queues);
        var samples = new StageSample[stages.Count];
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            // A queue the broker does not list yet has simply not been declared by a worker: empty, no consumers.
            var queue = queues.GetValueOrDefault(stage.Queue) ?? new QueueFigures(stage.Queue, 0, 0, 0, null, 0, 0, 0);
            var errors = queues.GetValueOrDefault(stage.ErrorQueue);
            var seen = activity?.For(stage.Stage)?.Read();
            samples[i] = new StageSample(
                stage.Stage,
                stage.Queue,
                queue.Ready,
                queue.Unacked,
                queue.Consumers,
                queue.ConsumerUtilisation,
                queue.PublishRate,
                queue.DeliverRate,
                stage.ErrorQueue,
                errors?.Ready ?? 0,
                seen?.Retried ?? 0,
                seen?.MeanProcessingTimeMs);
        }
        var totals = new PipelineTotals(
            activity?.Latency.Percentiles(),
            inboxFiles,
            documentsStored,
            activity?.DocumentsCompleted ?? 0,
            // The quarantine folder counts every refused file; without it, the rejections this process saw.
            quarantinedFiles ?? activity?.Quarantined ?? 0);
        return new PipelineSample(at, samples, totals);
    }
}

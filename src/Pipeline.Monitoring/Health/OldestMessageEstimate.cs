namespace Pipeline.Monitoring.Health;

/// <summary>
/// How long the oldest message of a queue has waited, estimated: RabbitMQ 3.10's management API gives no
/// message age for quorum queues. While the queue drains, a message arriving now waits about depth / delivery
/// rate (Little's law); while nothing is delivered, the oldest message is at most as old as the time since
/// the queue was last seen empty (or since the first sample, if it never was).
/// </summary>
public static class OldestMessageEstimate
{
    public static TimeSpan? For(IReadOnlyList<PipelineSample> history, string stage)
    {
        if (history.Count == 0) return null;
        var latest = history[^1];
        var current = Find(latest, stage);
        if (current is null || current.Ready == 0) return null;
        if (current.DeliverRate > 0) return TimeSpan.FromSeconds(current.Ready / current.DeliverRate);

        var nonEmptySince = latest.At;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var figures = Find(history[i], stage);
            if (figures is null || figures.Ready == 0) break;
            nonEmptySince = history[i].At;
        }
        return latest.At - nonEmptySince;
    }

    internal static StageSample? Find(PipelineSample sample, string stage)
    {
        foreach (var figures in sample.Stages)
        {
            if (string.Equals(figures.Stage, stage, StringComparison.OrdinalIgnoreCase)) return figures;
        }
        return null;
    }
}

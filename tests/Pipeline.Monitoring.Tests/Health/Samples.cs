using Pipeline.Monitoring.Health;

namespace Pipeline.Monitoring.Tests.Health;

/// <summary>Builds fake sample histories for the alert rules.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static StageSample Stage(
        string stage = "extract",
        long ready = 0,
        long unacked = 0,
        int consumers = 1,
        double deliverRate = 0,
        long errors = 0) =>
        new(stage, $"pipeline-{stage}", ready, unacked, consumers, null, 0, deliverRate, $"pipeline-{stage}_error", errors, 0, null);

    public static PipelineSample At(TimeSpan offset, params StageSample[] stages) =>
        new(Start + offset, stages, new PipelineTotals(null, null, null, 0, 0));

    /// <summary>One sample every <paramref name="every"/>, the extract stage's ready count taken from <paramref name="ready"/>.</summary>
    public static List<PipelineSample> ReadySeries(TimeSpan every, params long[] ready)
    {
        var history = new List<PipelineSample>();
        for (var i = 0; i < ready.Length; i++)
            history.Add(At(every * i, Stage(ready: ready[i])));
        return history;
    }
}

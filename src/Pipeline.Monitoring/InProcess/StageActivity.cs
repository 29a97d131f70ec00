using Pipeline.Contracts;

namespace Pipeline.Monitoring.InProcess;

/// <summary>The counters of every stage, plus the end-to-end latencies and outcomes this process saw.</summary>
public sealed class StageActivity
{
    private readonly Dictionary<string, StageCounters> _stages;
    private long _completed;
    private long _quarantined;

    public StageActivity(int latencySamples)
    {
        _stages = new Dictionary<string, StageCounters>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in Stages.All) _stages[stage] = new StageCounters();
        Latency = new LatencyReservoir(latencySamples);
    }

    public LatencyReservoir Latency { get; }

    public long DocumentsCompleted => Interlocked.Read(ref _completed);

    public long Quarantined => Interlocked.Read(ref _quarantined);

    public StageCounters? For(string stage) => _stages.GetValueOrDefault(stage);

    public void DocumentCompleted(TimeSpan endToEnd)
    {
        Interlocked.Increment(ref _completed);
        Latency.Add(endToEnd.TotalMilliseconds);
    }

    public void DocumentQuarantined() => Interlocked.Increment(ref _quarantined);
}

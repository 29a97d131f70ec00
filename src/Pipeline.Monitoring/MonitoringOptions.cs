using Pipeline.Contracts;

namespace Pipeline.Monitoring;

/// <summary>Sampling and alert thresholds, from the <c>Monitoring</c> section.</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    /// <summary>"auto" (the broker's management API when Pipeline:Transport is rabbitmq, else this process), "broker" or "process".</summary>
    public string Source { get; set; } = MonitoringSources.Auto;

    /// <summary>How often queue figures are read. RabbitMQ itself refreshes its statistics about every 5 s.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How much sample history the dashboard charts and the alert rules see.</summary>
    public TimeSpan History { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A queue whose depth only grows for this long raises an alert.</summary>
    public TimeSpan DepthGrowingFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A queue whose oldest message (estimated) waits longer than this raises an alert.</summary>
    public TimeSpan OldestMessageAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A stage that had more consumers within this window than now has lost a worker.</summary>
    public TimeSpan WorkerLostWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>End-to-end latencies kept for the p50/p95/p99 shown on the dashboard and status.</summary>
    public int LatencySamples { get; set; } = 4096;

    /// <summary>Queue of each stage. Stage names are those of <see cref="Stages"/>.</summary>
    public Dictionary<string, string> Queues { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [Stages.Ingest] = "pipeline-ingest",
        [Stages.Extract] = "pipeline-extract",
        [Stages.Index] = "pipeline-index",
    };

    /// <summary>The stage queues in pipeline order (ingest, extract, index), then any others configured.</summary>
    public IReadOnlyList<StageEndpoint> StageEndpoints()
    {
        var ordered = new List<StageEndpoint>();
        foreach (var stage in Stages.All)
        {
            if (Queues.TryGetValue(stage, out var queue)) ordered.Add(new StageEndpoint(stage, queue));
        }
        foreach (var (stage, queue) in Queues)
        {
            if (!Stages.All.Contains(stage, StringComparer.OrdinalIgnoreCase)) ordered.Add(new StageEndpoint(stage, queue));
        }
        return ordered;
    }
}

public static class MonitoringSources
{
    public const string Auto = "auto";
    public const string Broker = "broker";
    public const string Process = "process";
}

/// <summary>A stage and the queue its consumers read; MassTransit moves failed messages to <see cref="ErrorQueue"/>.</summary>
public sealed record StageEndpoint(string Stage, string Queue)
{
    public string ErrorQueue => Queue + "_error";
}

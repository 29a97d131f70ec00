using System.Text.Json.Serialization;

namespace Pipeline.Monitoring.Health;

/// <summary>Everything known about the pipeline at one moment: the unit the history, alerts and charts work on.</summary>
public sealed record PipelineSample(DateTimeOffset At, IReadOnlyList<StageSample> Stages, PipelineTotals Totals);

/// <summary>One stage at one moment.</summary>
/// <param name="Errors">Messages in the stage's error queue.</param>
/// <param name="Retries">Retries seen since this process started (in-process), or redeliveries per second times the interval (broker).</param>
/// <param name="ProcessingTimeMs">Mean handling time of a message in this process, when this process runs the stage.</param>
/// <param name="OldestMessageAgeSeconds">How long the oldest waiting message has waited, estimated from the history (status reports only).</param>
public sealed record StageSample(
    string Stage,
    string Queue,
    long Ready,
    long Unacked,
    int Consumers,
    double? ConsumerUtilisation,
    double PublishRate,
    double DeliverRate,
    string ErrorQueue,
    long Errors,
    long Retries,
    double? ProcessingTimeMs,
    double? OldestMessageAgeSeconds = null)
{
    [JsonIgnore]
    public long Depth => Ready + Unacked;
}

/// <summary>Whole-pipeline figures; null when this process cannot know them.</summary>
/// <param name="DocumentsCompleted">Documents whose way ended (ArticleIndexed handled at ingest) in this process since it started.</param>
/// <param name="Quarantined">Files in the quarantine folder, or rejections this process saw when it cannot see the folder.</param>
public sealed record PipelineTotals(
    LatencyPercentiles? EndToEndLatency,
    long? InboxFiles,
    long? DocumentsStored,
    long DocumentsCompleted,
    long Quarantined);

/// <summary>Drop-to-searchable latency in milliseconds over the last <c>Count</c> documents this process saw finish.</summary>
public sealed record LatencyPercentiles(double P50, double P95, double P99, int Count);

using Pipeline.Monitoring.Health;

namespace Pipeline.Monitoring.Status;

/// <summary>
/// What <c>GET /api/status</c> and <c>pipeline status --json</c> return:
/// <c>{"health", "stages": [{"stage", "queue", "ready", "unacked", "consumers", "publishRate", "deliverRate", "errorQueue", "errors", ...}], "alerts": [{"severity", "stage", "message", ...}]}</c>.
/// </summary>
public sealed record StatusReport(
    PipelineHealth Health,
    DateTimeOffset GeneratedAt,
    string Source,
    IReadOnlyList<StageStatus> Stages,
    PipelineTotals? Pipeline,
    IReadOnlyList<Alert> Alerts)
{
    /// <summary>0 when healthy, 1 when degraded or unhealthy, so scripts can test it.</summary>
    public int ExitCode => Health == PipelineHealth.Healthy ? 0 : 1;
}

/// <summary>One stage row. <see cref="Errors"/> counts the messages in <see cref="ErrorQueue"/>.</summary>
public sealed record StageStatus(
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
    double? OldestMessageAgeSeconds);

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
    IReadOnlyList<StageSample> Stages,
    PipelineTotals? Pipeline,
    IReadOnlyList<Alert> Alerts)
{
    /// <summary>0 when healthy, 1 when degraded or unhealthy, so scripts can test it.</summary>
    public int ExitCode => Health == PipelineHealth.Healthy ? 0 : 1;
}

using System.Text.Json.Serialization;

namespace Pipeline.Monitoring.Health;

[JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    Warning,
    Critical,
}

[JsonConverter(typeof(JsonStringEnumConverter<PipelineHealth>))]
public enum PipelineHealth
{
    Healthy,
    Degraded,
    Unhealthy,
}

/// <summary>Something an operator should act on: what is wrong, why we think so, and what to do.</summary>
/// <param name="Code">Stable name of the rule, for scripts (no-consumers, error-queue, depth-growing, oldest-message, worker-lost, source-unreachable).</param>
public sealed record Alert(AlertSeverity Severity, string Stage, string Code, string Message, string Action);

public static class AlertCodes
{
    public const string NoConsumers = "no-consumers";
    public const string ErrorQueue = "error-queue";
    public const string DepthGrowing = "depth-growing";
    public const string OldestMessage = "oldest-message";
    public const string WorkerLost = "worker-lost";
    public const string SourceUnreachable = "source-unreachable";
}

using Pipeline.Monitoring.Health;

namespace Pipeline.Monitoring.Status;

/// <summary>Turns the sample history into the status report: latest figures per stage, alerts and overall health.</summary>
public static class StatusBuilder
{
    public static StatusReport Build(IReadOnlyList<PipelineSample> history, MonitoringOptions options, string source)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
            return new StatusReport(PipelineHealth.Healthy, DateTimeOffset.UtcNow, source, [], null, []);

        var latest = history[^1];
        var stages = new List<StageSample>(latest.Stages.Count);
        foreach (var s in latest.Stages)
        {
            var age = OldestMessageEstimate.For(history, s.Stage);
            stages.Add(s with
            {
                PublishRate = Math.Round(s.PublishRate, 2),
                DeliverRate = Math.Round(s.DeliverRate, 2),
                ProcessingTimeMs = s.ProcessingTimeMs is { } ms ? Math.Round(ms, 2) : null,
                OldestMessageAgeSeconds = age is { } a ? Math.Round(a.TotalSeconds, 1) : null,
            });
        }
        var alerts = AlertRules.Evaluate(history, options);
        return new StatusReport(AlertRules.HealthOf(alerts), latest.At, source, stages, latest.Totals, alerts);
    }

    /// <summary>The report when the source of figures cannot be read: unhealthy, with the reason.</summary>
    public static StatusReport Unreachable(string source, string reason, DateTimeOffset at) =>
        new(PipelineHealth.Unhealthy, at, source, [], null,
        [
            new Alert(AlertSeverity.Critical, "pipeline", AlertCodes.SourceUnreachable,
                $"Cannot read queue figures from {source}: {reason}",
                "Check that the broker (and its management plugin) or the host is running and that the URL and credentials in configuration are right."),
        ]);
}

using System.Globalization;

namespace Pipeline.Monitoring.Health;

/// <summary>The alert rules, evaluated over the sample history (oldest first, latest last).</summary>
public static class AlertRules
{
    public static IReadOnlyList<Alert> Evaluate(IReadOnlyList<PipelineSample> history, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        var alerts = new List<Alert>();
        if (history.Count == 0) return alerts;

        foreach (var stage in history[^1].Stages)
        {
            NoConsumers(stage, alerts);
            ErrorQueue(stage, alerts);
            DepthGrowing(history, stage, options.DepthGrowingFor, alerts);
            OldestMessage(history, stage, options.OldestMessageAge, alerts);
            WorkerLost(history, stage, options.WorkerLostWindow, alerts);
        }
        return alerts;
    }

    public static PipelineHealth HealthOf(IReadOnlyList<Alert> alerts)
    {
        var health = PipelineHealth.Healthy;
        foreach (var alert in alerts)
        {
            if (alert.Severity == AlertSeverity.Critical) return PipelineHealth.Unhealthy;
            health = PipelineHealth.Degraded;
        }
        return health;
    }

    private static void NoConsumers(StageSample stage, List<Alert> alerts)
    {
        if (stage.Depth == 0 || stage.Consumers > 0) return;
        alerts.Add(new Alert(
            AlertSeverity.Critical,
            stage.Stage,
            AlertCodes.NoConsumers,
            Invariant($"{stage.Queue} holds {stage.Depth} message(s) but no consumer is connected: nothing moves."),
            $"Start a worker for this stage ('pipeline worker {stage.Stage}') or find out why its workers cannot reach the broker."));
    }

    private static void ErrorQueue(StageSample stage, List<Alert> alerts)
    {
        if (stage.Errors == 0) return;
        alerts.Add(new Alert(
            AlertSeverity.Warning,
            stage.Stage,
            AlertCodes.ErrorQueue,
            Invariant($"{stage.ErrorQueue} holds {stage.Errors} failed message(s)."),
            "Read the failure reasons (MT-Fault headers, 'pipeline errors list'), fix the cause, then replay them ('pipeline errors replay --stage " + stage.Stage + "')."));
    }

    private static void DepthGrowing(IReadOnlyList<PipelineSample> history, StageSample latest, TimeSpan window, List<Alert> alerts)
    {
        // The window must be covered: start from the newest sample at or before (now - window).
        var since = history[^1].At - window;
        var start = -1;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].At <= since)
            {
                start = i;
                break;
            }
        }
        if (start < 0) return;

        var first = OldestMessageEstimate.Find(history[start], latest.Stage);
        if (first is null || latest.Depth <= first.Depth) return;
        var previous = first.Depth;
        for (var i = start + 1; i < history.Count; i++)
        {
            var depth = OldestMessageEstimate.Find(history[i], latest.Stage)?.Depth ?? 0;
            if (depth < previous) return;
            previous = depth;
        }
        alerts.Add(new Alert(
            AlertSeverity.Warning,
            latest.Stage,
            AlertCodes.DepthGrowing,
            Invariant($"{latest.Queue} grew from {first.Depth} to {latest.Depth} message(s) without shrinking for {Minutes(history[^1].At - history[start].At)}."),
            $"Consumers do not keep up: add workers ('pipeline worker {latest.Stage}') or look for a slow dependency (store, disk)."));
    }

    private static void OldestMessage(IReadOnlyList<PipelineSample> history, StageSample latest, TimeSpan threshold, List<Alert> alerts)
    {
        var age = OldestMessageEstimate.For(history, latest.Stage);
        if (age is null || age.Value <= threshold) return;
        alerts.Add(new Alert(
            AlertSeverity.Warning,
            latest.Stage,
            AlertCodes.OldestMessage,
            Invariant($"The oldest message in {latest.Queue} has waited about {Minutes(age.Value)} (estimated from depth and delivery rate), more than {Minutes(threshold)}."),
            "Documents are late: check that this stage's workers are running and not stuck, and add workers if the backlog is real."));
    }

    private static void WorkerLost(IReadOnlyList<PipelineSample> history, StageSample latest, TimeSpan window, List<Alert> alerts)
    {
        var since = history[^1].At - window;
        var most = latest.Consumers;
        for (var i = history.Count - 1; i >= 0 && history[i].At >= since; i--)
        {
            most = Math.Max(most, OldestMessageEstimate.Find(history[i], latest.Stage)?.Consumers ?? 0);
        }
        if (most <= latest.Consumers) return;
        alerts.Add(new Alert(
            latest.Consumers == 0 ? AlertSeverity.Critical : AlertSeverity.Warning,
            latest.Stage,
            AlertCodes.WorkerLost,
            Invariant($"{latest.Queue} had {most} consumer(s) in the last {Minutes(window)} and has {latest.Consumers} now: a worker stopped reporting."),
            "Check the worker's logs and process (crashed, killed, lost its broker connection) and restart it."));
    }

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 1
            ? Invariant($"{span.TotalMinutes:0.#} min")
            : Invariant($"{span.TotalSeconds:0} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using Pipeline.Monitoring.Health;
using static Pipeline.Monitoring.Tests.Health.Samples;

namespace Pipeline.Monitoring.Tests.Health;

public sealed class AlertRulesTests
{
    private static readonly MonitoringOptions Options = new()
    {
        DepthGrowingFor = TimeSpan.FromMinutes(5),
        OldestMessageAge = TimeSpan.FromMinutes(5),
        WorkerLostWindow = TimeSpan.FromMinutes(10),
    };

    [Fact]
    public void A_quiet_pipeline_is_healthy()
    {
        var alerts = AlertRules.Evaluate([At(TimeSpan.Zero, Stage("ingest"), Stage("extract"), Stage("index"))], Options);

        Assert.Empty(alerts);
        Assert.Equal(PipelineHealth.Healthy, AlertRules.HealthOf(alerts));
    }

    [Fact]
    public void Messages_without_consumers_are_critical_and_say_which_worker_to_start()
    {
        var alerts = AlertRules.Evaluate([At(TimeSpan.Zero, Stage("index", ready: 12, consumers: 0))], Options);

        var alert = Assert.Single(alerts, a => a.Code == AlertCodes.NoConsumers);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("index", alert.Stage);
        Assert.Contains("12 message(s)", alert.Message, StringComparison.Ordinal);
        Assert.Contains("pipeline worker index", alert.Action, StringComparison.Ordinal);
        Assert.Equal(PipelineHealth.Unhealthy, AlertRules.HealthOf(alerts));
    }

    [Fact]
    public void An_empty_queue_without_consumers_is_not_an_alert()
    {
        Assert.Empty(AlertRules.Evaluate([At(TimeSpan.Zero, Stage(consumers: 0))], Options));
    }

    [Fact]
    public void A_non_empty_error_queue_degrades_the_pipeline()
    {
        var alerts = AlertRules.Evaluate([At(TimeSpan.Zero, Stage("extract", errors: 3))], Options);

        var alert = Assert.Single(alerts);
        Assert.Equal(AlertCodes.ErrorQueue, alert.Code);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Contains("pipeline-extract_error holds 3", alert.Message, StringComparison.Ordinal);
        Assert.Equal(PipelineHealth.Degraded, AlertRules.HealthOf(alerts));
    }

    [Fact]
    public void Depth_that_only_grows_for_longer_than_the_window_raises_an_alert()
    {
        // One sample a minute for six minutes, never shrinking, while messages are still delivered.
        var history = ReadySeries(TimeSpan.FromMinutes(1), 10, 10, 20, 35, 35, 60, 90);
        history[^1] = At(TimeSpan.FromMinutes(6), Stage(ready: 90, deliverRate: 5));

        var alert = Assert.Single(AlertRules.Evaluate(history, Options), a => a.Code == AlertCodes.DepthGrowing);
        Assert.Contains("from 10 to 90", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_that_shrank_once_within_the_window_is_not_growing()
    {
        var history = ReadySeries(TimeSpan.FromMinutes(1), 10, 20, 30, 25, 40, 50, 60);

        Assert.DoesNotContain(AlertRules.Evaluate(history, Options), a => a.Code == AlertCodes.DepthGrowing);
    }

    [Fact]
    public void Growth_shorter_than_the_window_is_not_yet_an_alert()
    {
        var history = ReadySeries(TimeSpan.FromMinutes(1), 10, 20, 30, 40);

        Assert.DoesNotContain(AlertRules.Evaluate(history, Options), a => a.Code == AlertCodes.DepthGrowing);
    }

    [Fact]
    public void A_backlog_that_takes_longer_than_the_threshold_to_drain_means_old_messages()
    {
        // 4000 ready at 10 per second: the message arriving now waits about 400 s > 300 s.
        var alerts = AlertRules.Evaluate([At(TimeSpan.Zero, Stage(ready: 4000, deliverRate: 10))], Options);

        var alert = Assert.Single(alerts, a => a.Code == AlertCodes.OldestMessage);
        Assert.Contains("6.7 min", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_deliveries_the_oldest_message_is_as_old_as_the_backlog()
    {
        // Empty at 0, then messages sit undelivered from minute 1 to minute 7.
        var history = ReadySeries(TimeSpan.FromMinutes(1), 0, 5, 5, 5, 5, 5, 5, 5);

        var alert = Assert.Single(AlertRules.Evaluate(history, Options), a => a.Code == AlertCodes.OldestMessage);
        Assert.Contains("about 6 min", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backlog_that_drains_quickly_is_not_old()
    {
        Assert.DoesNotContain(
            AlertRules.Evaluate([At(TimeSpan.Zero, Stage(ready: 100, deliverRate: 50))], Options),
            a => a.Code == AlertCodes.OldestMessage);
    }

    [Fact]
    public void Fewer_consumers_than_a_moment_ago_means_a_worker_stopped_reporting()
    {
        List<PipelineSample> history =
        [
            At(TimeSpan.Zero, Stage(consumers: 3)),
            At(TimeSpan.FromMinutes(2), Stage(consumers: 3)),
            At(TimeSpan.FromMinutes(4), Stage(consumers: 2)),
        ];

        var alert = Assert.Single(AlertRules.Evaluate(history, Options));
        Assert.Equal(AlertCodes.WorkerLost, alert.Code);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Contains("had 3 consumer(s)", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lost_worker_is_forgotten_after_the_window()
    {
        List<PipelineSample> history =
        [
            At(TimeSpan.Zero, Stage(consumers: 3)),
            At(TimeSpan.FromMinutes(11), Stage(consumers: 2)),
        ];

        Assert.Empty(AlertRules.Evaluate(history, Options));
    }

    [Fact]
    public void Losing_the_last_worker_is_critical()
    {
        List<PipelineSample> history = [At(TimeSpan.Zero, Stage(consumers: 1)), At(TimeSpan.FromMinutes(1), Stage(consumers: 0))];

        var alert = Assert.Single(AlertRules.Evaluate(history, Options));
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
    }
}

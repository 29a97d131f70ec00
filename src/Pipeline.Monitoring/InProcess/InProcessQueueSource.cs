using System.Diagnostics;
using Microsoft.Extensions.Options;
using Pipeline.Monitoring.Health;

namespace Pipeline.Monitoring.InProcess;

/// <summary>
/// Queue figures from this process's own observers, for embedded mode (in-memory transport, every stage in
/// one process): ready = published and not yet taken, unacked = taken and not finished, errors = messages
/// whose last attempt failed. Rates are the change since the previous read. Consumer utilisation is not
/// known here (null).
/// </summary>
public sealed class InProcessQueueSource(StageActivity activity, IOptions<MonitoringOptions> options) : IQueueFiguresSource
{
    private readonly Dictionary<string, (StageCountersSnapshot Counters, long Timestamp)> _previous = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public string Description => "process";

    public Task<IReadOnlyDictionary<string, QueueFigures>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        var figures = new Dictionary<string, QueueFigures>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var stage in options.Value.StageEndpoints())
            {
                if (activity.For(stage.Stage) is not { } counters) continue;
                var current = counters.Read();
                var (publishRate, deliverRate, redeliverRate) = Rates(stage.Stage, current, now);
                figures[stage.Queue] = new QueueFigures(
                    stage.Queue, current.Waiting, current.InFlight, current.Endpoints, null, publishRate, deliverRate, redeliverRate);
                figures[stage.ErrorQueue] = new QueueFigures(stage.ErrorQueue, current.Faulted, 0, 0, null, 0, 0, 0);
                _previous[stage.Stage] = (current, now);
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, QueueFigures>>(figures);
    }

    private (double Publish, double Deliver, double Redeliver) Rates(string stage, StageCountersSnapshot current, long now)
    {
        if (!_previous.TryGetValue(stage, out var previous)) return (0, 0, 0);
        var seconds = Stopwatch.GetElapsedTime(previous.Timestamp, now).TotalSeconds;
        if (seconds <= 0) return (0, 0, 0);
        return (
            (current.Published - previous.Counters.Published) / seconds,
            (current.Started - previous.Counters.Started) / seconds,
            (current.Retried - previous.Counters.Retried) / seconds);
    }
}

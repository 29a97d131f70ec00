using Pipeline.Monitoring.Health;

namespace Pipeline.Monitoring.Web;

/// <summary>The sample history trimmed to what the dashboard charts draw: depth and throughput per stage over time.</summary>
public sealed record ChartSeries(IReadOnlyList<DateTimeOffset> At, IReadOnlyList<StageSeries> Stages)
{
    public static ChartSeries From(IReadOnlyList<PipelineSample> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var at = new DateTimeOffset[history.Count];
        var byStage = new Dictionary<string, (double[] Depth, double[] Deliver, double[] Publish)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < history.Count; i++)
        {
            at[i] = history[i].At;
            foreach (var stage in history[i].Stages)
            {
                if (!byStage.TryGetValue(stage.Stage, out var series))
                {
                    series = (new double[history.Count], new double[history.Count], new double[history.Count]);
                    byStage[stage.Stage] = series;
                    order.Add(stage.Stage);
                }
                series.Depth[i] = stage.Depth;
                series.Deliver[i] = Math.Round(stage.DeliverRate, 2);
                series.Publish[i] = Math.Round(stage.PublishRate, 2);
            }
        }
        var stages = new List<StageSeries>(order.Count);
        foreach (var name in order)
        {
            var (depth, deliver, publish) = byStage[name];
            stages.Add(new StageSeries(name, depth, deliver, publish));
        }
        return new ChartSeries(at, stages);
    }
}

public sealed record StageSeries(string Stage, IReadOnlyList<double> Depth, IReadOnlyList<double> DeliverRate, IReadOnlyList<double> PublishRate);

using Microsoft.Extensions.Options;
using Pipeline.Monitoring.Status;

namespace Pipeline.Monitoring.Health;

/// <summary>The sample history and the latest status report, shared by the sampler, the endpoints and the gauges.</summary>
public sealed class MonitoringState(IOptions<MonitoringOptions> options)
{
    private volatile StatusReport? _current;

    public SampleHistory History { get; } = SampleHistory.For(options.Value);

    /// <summary>The latest report, or null before the first sample.</summary>
    public StatusReport? Current => _current;

    public void Publish(StatusReport report) => _current = report;
}

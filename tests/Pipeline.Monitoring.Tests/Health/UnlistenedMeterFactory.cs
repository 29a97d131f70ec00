using System.Diagnostics.Metrics;

namespace Pipeline.Monitoring.Tests.Health;

/// <summary>
/// Meters no exporter listens to, for tests that need a <see cref="Metrics.PipelineMetrics"/> beside the shared
/// embedded host. OpenTelemetry listens to meters by name across the whole process and merges instruments of the
/// same name into one stream; disposing a second "Pipeline" meter deactivates that stream, and the host's
/// /metrics loses its pipeline figures for good (this failed the Prometheus endpoint test on CI).
/// </summary>
internal sealed class UnlistenedMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter($"{options.Name}.unlistened.{Guid.NewGuid():N}", options.Version);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters) meter.Dispose();
    }
}

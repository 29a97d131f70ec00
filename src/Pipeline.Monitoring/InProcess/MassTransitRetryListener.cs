using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Pipeline.Monitoring.InProcess;

/// <summary>
/// Counts retries per stage from MassTransit's own meter. Retries run inside the consumer's pipe, below where
/// consume observers see a message, so MassTransit's <c>messaging.masstransit.consume.retries</c> counter is
/// the one place that sees each of them. It fires only on a retry, so listening costs nothing on the happy path.
/// </summary>
public sealed class MassTransitRetryListener(StageActivity activity, IOptions<MonitoringOptions> options) : IHostedService, IDisposable
{
    private const string RetriesInstrument = "messaging.masstransit.consume.retries";
    private const string EndpointTag = "messaging.masstransit.destination";

    private readonly MeterListener _listener = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "MassTransit" && instrument.Name == RetriesInstrument) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>(OnRetries);
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _listener.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _listener.Dispose();

    private void OnRetries(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key != EndpointTag || tag.Value is not string endpoint) continue;
            foreach (var (stage, queue) in options.Value.Queues)
            {
                if (string.Equals(queue, endpoint, StringComparison.Ordinal)) activity.For(stage)?.Retried(value);
            }
        }
    }
}

using Microsoft.Extensions.Options;
using Pipeline.Monitoring;
using Pipeline.Monitoring.Broker;
using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.Status;

namespace Pipeline.Host.Monitoring;

/// <summary>Where <c>pipeline status</c> gets its report: a running host, or the broker's management API.</summary>
internal sealed class StatusSource : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly Func<CancellationToken, Task<StatusReport>> _read;

    private StatusSource(Func<HttpClient, Func<CancellationToken, Task<StatusReport>>> read) => _read = read(_http);

    public static StatusSource FromHost(Uri hostUrl, TimeSpan timeout)
    {
        var client = new StatusClient(timeout);
        return new StatusSource(http => ct => client.FromHostAsync(http, hostUrl, ct));
    }

    public static StatusSource FromBroker(RabbitMqManagementOptions broker, MonitoringOptions monitoring)
    {
        // Kept across refreshes so that --watch sees depth growth and lost workers as the host's sampler does.
        var history = SampleHistory.For(monitoring);
        var description = $"rabbitmq {broker.DisplayUri()}";
        return new StatusSource(http =>
        {
            BrokerManagementClient.Configure(http, broker);
            var client = new BrokerManagementClient(http, Options.Create(broker));
            return ct => StatusClient.FromBrokerAsync(client, monitoring, history, description, ct);
        });
    }

    /// <summary>The report read most recently: with --watch, its exit code is the command's.</summary>
    public StatusReport? Last { get; private set; }

    public async Task<StatusReport> ReadAsync(CancellationToken cancellationToken)
    {
        Last = await _read(cancellationToken);
        return Last;
    }

    public void Dispose() => _http.Dispose();
}

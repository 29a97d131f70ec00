using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.InProcess;
using Pipeline.Monitoring.Web;

namespace Pipeline.Monitoring.Tests.Embedded;

/// <summary>
/// An embedded pipeline as the host composes it (in-memory bus, monitoring, its endpoints) on 127.0.0.1 and a
/// free port, with stand-in stages.
/// </summary>
public sealed class MonitoredPipelineHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MonitoredPipelineHost(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public StageActivity Activity => Services.GetRequiredService<StageActivity>();

    public MonitoringState State => Services.GetRequiredService<MonitoringState>();

    /// <param name="sampleInterval">How often the host samples by itself; tests that sample by hand pass a long one.</param>
    /// <param name="extractRetries">Immediate retries on the extract endpoint.</param>
    public static async Task<MonitoredPipelineHost> StartAsync(TimeSpan sampleInterval, int extractRetries = 0, string? ingestFolder = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:Transport"] = "inmemory",
            ["Monitoring:SampleInterval"] = sampleInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Ingest:DataFolder"] = ingestFolder,
        });
        builder.Services.AddPipelineMonitoring(builder.Configuration);
        builder.Services.AddMassTransit(x =>
        {
            x.AddConsumer<FakeIngestConsumer>().Endpoint(e => e.Name = "pipeline-ingest");
            x.AddConsumer<FakeExtractConsumer>().Endpoint(e => e.Name = "pipeline-extract");
            // Retries on the endpoint, as the real stages configure them.
            x.AddConfigureEndpointsCallback((name, endpoint) =>
            {
                if (name == "pipeline-extract" && extractRetries > 0) endpoint.UseMessageRetry(r => r.Immediate(extractRetries));
            });
            x.AddConsumer<FakeIndexConsumer>().Endpoint(e => e.Name = "pipeline-index");
            x.UsingInMemory((context, cfg) =>
            {
                cfg.UseInstrumentation();
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);

        var app = builder.Build();
        app.MapPipelineMonitoring();
        await app.StartAsync();
        return new MonitoredPipelineHost(app);
    }

    public Task DropAsync(string name, TimeSpan waited) =>
        Services.GetRequiredService<IBus>().Publish(Drops.Received(name, waited));

    public Task SampleAsync() => Services.GetRequiredService<QueueHealthSampler>().SampleOnceAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Pipeline.Monitoring.Broker;
using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.InProcess;
using Pipeline.Monitoring.Metrics;

namespace Pipeline.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>The OpenTelemetry variable that switches on OTLP export of traces and metrics.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Queue health sampling, alerts, the bus observers that feed Pipeline's meter, and OpenTelemetry
    /// (Prometheus scraping; OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set). Reads the <c>Monitoring</c>
    /// section, and <c>RabbitMq</c> for the management API. Map the endpoints with <c>MapPipelineMonitoring</c>.
    /// </summary>
    public static IServiceCollection AddPipelineMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.SectionName));
        services.AddOptions<RabbitMqManagementOptions>().Bind(configuration.GetSection(RabbitMqManagementOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new StageActivity(sp.GetRequiredService<IOptions<MonitoringOptions>>().Value.LatencySamples));
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<MonitoringState>();
        services.AddSingleton<IngestFolders>();
        services.AddConsumeObserver<StageConsumeObserver>();
        services.AddPublishObserver<StagePublishObserver>();
        services.AddReceiveEndpointObserver<StageEndpointObserver>();
        services.AddHostedService<MassTransitRetryListener>();

        services.AddHttpClient<BrokerManagementClient>((sp, http) =>
            BrokerManagementClient.Configure(http, sp.GetRequiredService<IOptions<RabbitMqManagementOptions>>().Value));
        if (ReadsBroker(configuration))
            services.AddSingleton<IQueueFiguresSource, BrokerQueueSource>();
        else
            services.AddSingleton<IQueueFiguresSource, InProcessQueueSource>();
        services.AddSingleton<QueueHealthSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueHealthSampler>());

        AddTelemetry(services, configuration);
        return services;
    }

    private static bool ReadsBroker(IConfiguration configuration)
    {
        var source = configuration[$"{MonitoringOptions.SectionName}:{nameof(MonitoringOptions.Source)}"] ?? MonitoringSources.Auto;
        if (string.Equals(source, MonitoringSources.Broker, StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(source, MonitoringSources.Process, StringComparison.OrdinalIgnoreCase)) return false;
        return string.Equals(configuration["Pipeline:Transport"], "rabbitmq", StringComparison.OrdinalIgnoreCase);
    }

    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrEmpty(configuration[OtlpEndpointKey] ?? Environment.GetEnvironmentVariable(OtlpEndpointKey));
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("pipeline"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("MassTransit", PipelineMetrics.MeterName).AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter();
            });
        // Traces only cost something when someone collects them: without an OTLP endpoint nothing listens.
        if (otlp) telemetry.WithTracing(tracing => tracing.AddSource("MassTransit").AddOtlpExporter());
    }
}

using Pipeline.Monitoring;
using Pipeline.Monitoring.Health;

namespace Pipeline.Host.Monitoring;

internal static class HostMonitoring
{
    /// <summary>Queue health, alerts and telemetry (<c>Monitoring</c> section), with the store's document count.</summary>
    public static IServiceCollection AddHostMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPipelineMonitoring(configuration);
        services.AddSingleton<IStoredDocumentCount, ArticleStoreDocumentCount>();
        return services;
    }
}

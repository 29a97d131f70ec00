using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pipeline.Storage;

namespace Pipeline.Host.Web;

internal sealed class StoreHealthCheck(IArticleStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The article store does not answer.", e);
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.Status;

namespace Pipeline.Monitoring.Web;

public static class MonitoringEndpoints
{
    /// <summary>
    /// The dashboard at <c>/</c> (with its script and style under <c>/monitoring/</c>), <c>GET /api/status</c>,
    /// <c>GET /api/status/history</c> for the charts, and <c>GET /metrics</c> for Prometheus.
    /// </summary>
    public static IEndpointRouteBuilder MapPipelineMonitoring(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext http) => EmbeddedPageAssets.Dashboard.Serve(http, "dashboard.html"));
        endpoints.MapGet("/monitoring/{asset}", (HttpContext http, string asset) => EmbeddedPageAssets.Dashboard.Serve(http, asset));
        endpoints.MapGet("/api/status", (MonitoringState state, IOptions<MonitoringOptions> options) =>
            Results.Json(state.Current ?? StatusBuilder.Build([], options.Value, "starting"), StatusJson.Options));
        endpoints.MapGet("/api/status/history", (MonitoringState state) =>
            Results.Json(ChartSeries.From(state.History.Snapshot()), StatusJson.Options));
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }
}

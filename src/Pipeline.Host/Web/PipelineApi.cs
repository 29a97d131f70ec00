using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Pipeline.Monitoring.Web;
using Pipeline.Storage;

namespace Pipeline.Host.Web;

internal static class PipelineApi
{
    public static IServiceCollection AddPipelineHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = PipelineJson.Options.DefaultIgnoreCondition;
        });
        return services;
    }

    public static WebApplication MapPipelineApi(this WebApplication app)
    {
        // Live: the process answers. Ready: the bus and the store answer (MassTransit tags its checks "ready").
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

        var api = app.MapGroup("/api");
        app.MapPipelineMonitoring();
        api.MapGet("/search", SearchAsync);
        api.MapGet("/articles/{id:guid}", async (Guid id, IArticleStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } document ? Results.Ok(document) : Results.NotFound());
        return app;
    }

    private static async Task<IResult> SearchAsync(
        IArticleStore store,
        CancellationToken ct,
        string? q = null,
        string? lang = null,
        DateOnly? from = null,
        DateOnly? to = null,
        string? entity = null,
        string? source = null,
        int page = 1,
        int pageSize = 20)
    {
        if (page < 1 || pageSize is < 1 or > 100)
            return Results.BadRequest(new { error = "page must be 1 or more and pageSize between 1 and 100." });
        var request = new SearchRequest(q ?? string.Empty)
        {
            Language = lang,
            From = from,
            To = to,
            Entity = entity,
            Source = source,
            Limit = pageSize,
            Offset = (page - 1) * pageSize,
        };
        return Results.Ok(SearchResponse.From(await store.SearchAsync(request, ct)));
    }
}

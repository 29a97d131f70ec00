using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Pipeline.Monitoring.Web;
using Pipeline.Storage;

namespace Pipeline.Host.Web;

internal static class PipelineApi
{
    public static IServiceCollection AddPipelineHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        services.AddOpenApi();
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
        app.MapSearchPage();
        api.MapGet("/search", SearchAsync).WithSummary("Ranked articles with snippets, filters and paging.");
        api.MapGet("/facets", FacetsAsync).WithSummary("Counts per language, agency, entity and month for a search.");
        api.MapGet("/articles/{id:guid}", async (Guid id, IArticleStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } document ? Results.Ok(document) : Results.NotFound())
            .WithSummary("The whole stored document: every extracted field and the pipeline's facts.");
        app.MapOpenApi();
        return app;
    }

    private static async Task<IResult> SearchAsync([AsParameters] SearchParameters query, IArticleStore store, CancellationToken ct)
    {
        if (query.Validate() is { } error) return Results.BadRequest(new { error });
        return Results.Ok(SearchResponse.From(await store.SearchAsync(query.ToRequest(), ct)));
    }

    private static async Task<IResult> FacetsAsync([AsParameters] SearchParameters query, IArticleStore store, CancellationToken ct)
    {
        if (query.Validate() is { } error) return Results.BadRequest(new { error });
        return Results.Ok(await store.GetFacetsAsync(query.ToRequest(), ct));
    }
}

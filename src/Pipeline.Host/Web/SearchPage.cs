using Pipeline.Monitoring.Web;

namespace Pipeline.Host.Web;

/// <summary>
/// The search page at <c>/search</c> over <c>/api/search</c> and <c>/api/facets</c>, one article at
/// <c>/search/article?id=</c> over <c>/api/articles/{id}</c>; scripts and style under <c>/search/</c>.
/// </summary>
internal static class SearchPage
{
    private static readonly EmbeddedPageAssets Assets = new(typeof(SearchPage).Assembly, "Pipeline.Host.Web.Search.");

    public static IEndpointRouteBuilder MapSearchPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/search", (HttpContext http) => Assets.Serve(http, "search.html")).ExcludeFromDescription();
        endpoints.MapGet("/search/article", (HttpContext http) => Assets.Serve(http, "article.html")).ExcludeFromDescription();
        endpoints.MapGet("/search/{asset}", (HttpContext http, string asset) => Assets.Serve(http, asset)).ExcludeFromDescription();
        return endpoints;
    }
}

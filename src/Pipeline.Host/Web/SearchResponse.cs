using Pipeline.Storage;

namespace Pipeline.Host.Web;

/// <summary>The search result contract shared by <c>pipeline search --json</c> and <c>GET /api/search</c>.</summary>
public sealed record SearchResponse(long Total, IReadOnlyList<SearchResponseHit> Hits)
{
    public static SearchResponse From(SearchResults results) => new(
        results.Total,
        results.Hits.Select(h => new SearchResponseHit(h.Id, h.Title, h.PublishedAt, h.Language, h.Score, h.Snippet, new SearchResponseSource(h.SourcePath))).ToList());
}

public sealed record SearchResponseHit(Guid Id, string Title, string? PublishedAt, string? Language, double Score, string Snippet, SearchResponseSource Source);

public sealed record SearchResponseSource(string Path);

using Pipeline.Storage;

namespace Pipeline.Host.Web;

/// <summary>The search result contract shared by <c>pipeline search --json</c> and <c>GET /api/search</c>.</summary>
public sealed record SearchResponse(long Total, IReadOnlyList<SearchResponseHit> Hits)
{
    public static SearchResponse From(SearchResults results) => new(
        results.Total,
        results.Hits.Select(h => new SearchResponseHit(h.Id, h.Title, h.PublishedAt, h.Language, h.Score, h.Snippet, h.Highlights, new SearchResponseSource(h.SourcePath))).ToList());
}

/// <param name="Highlights">Where the query's words are in <paramref name="Snippet"/> (UTF-16 offsets), for marking them.</param>
public sealed record SearchResponseHit(Guid Id, string Title, string? PublishedAt, string? Language, double Score, string Snippet, IReadOnlyList<TextSpan> Highlights, SearchResponseSource Source);

public sealed record SearchResponseSource(string Path);

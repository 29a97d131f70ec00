using Pipeline.Storage;

namespace Pipeline.Host.Web;

/// <summary>The query string of <c>/api/search</c> and <c>/api/facets</c>.</summary>
internal sealed record SearchParameters(
    string? Q,
    string? Lang,
    DateOnly? From,
    DateOnly? To,
    string? Entity,
    string? Source,
    string? Site,
    int? Page,
    int? PageSize)
{
    private const int MaxPageSize = 100;

    public string? Validate() =>
        Page is < 1 ? "page must be 1 or more."
        : PageSize is < 1 or > MaxPageSize ? $"pageSize must be between 1 and {MaxPageSize}."
        : From > To ? "from must not be after to."
        : null;

    public SearchRequest ToRequest()
    {
        var pageSize = PageSize ?? 20;
        return new SearchRequest(Q ?? string.Empty)
        {
            Language = Lang,
            From = From,
            To = To,
            Entity = Entity,
            Source = Source,
            Site = Site,
            Limit = pageSize,
            Offset = ((Page ?? 1) - 1) * pageSize,
        };
    }
}

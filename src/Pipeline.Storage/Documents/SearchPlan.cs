using Pipeline.Storage.Text;

namespace Pipeline.Storage.Documents;

/// <summary>
/// What both stores make of a request before any SQL: the query analysed once by the shared analyzer,
/// the terms to highlight, and the page bounded by <see cref="StorageOptions.MaxPageSize"/>.
/// </summary>
internal sealed record SearchPlan(AnalyzedQuery Query, IReadOnlySet<string> HighlightTerms, int Limit, int Offset)
{
    public static SearchPlan Of(SearchRequest request, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = QueryAnalyzer.Analyze(request.Query, request.Language);
        return new SearchPlan(query, query.HighlightTerms(), Math.Clamp(request.Limit, 0, options.MaxPageSize), Math.Max(0, request.Offset));
    }
}

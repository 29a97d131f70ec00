using Pipeline.Storage;

namespace Pipeline.Benchmarking.Relevance;

/// <summary>
/// Runs every judged query through a store's own search and scores the ranking: precision of the first result
/// (is the top hit relevant?) and mean reciprocal rank (1 / rank of the first relevant hit, 0 when none is in
/// the first <see cref="Depth"/>).
/// </summary>
public static class RelevanceEvaluation
{
    /// <summary>How far down the hits the first relevant one is looked for.</summary>
    public const int Depth = 10;

    public static async Task<RelevanceReport> RunAsync(string storeName, IArticleStore store, RelevanceJudgments judgments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(judgments);
        var outcomes = new List<QueryOutcome>(judgments.Queries.Count);
        foreach (var query in judgments.Queries)
        {
            var results = await store.SearchAsync(query.ToRequest(Depth), cancellationToken);
            var ranked = results.Hits.Select(hit => hit.SourcePath).ToList();
            outcomes.Add(Score(query, ranked, results.Total));
        }

        return new RelevanceReport(storeName, outcomes);
    }

    /// <summary>The outcome of one query given the source paths of its hits, best first.</summary>
    public static QueryOutcome Score(JudgedQuery query, IReadOnlyList<string> rankedPaths, long total)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rankedPaths);
        var relevant = new HashSet<string>(query.Relevant, StringComparer.Ordinal);
        var firstRelevantRank = 0;
        for (var i = 0; i < rankedPaths.Count; i++)
        {
            if (relevant.Contains(rankedPaths[i]))
            {
                firstRelevantRank = i + 1;
                break;
            }
        }

        var hasDistractor = false;
        foreach (var path in rankedPaths)
            hasDistractor |= !relevant.Contains(path);
        return new QueryOutcome(query, rankedPaths.Count > 0 ? rankedPaths[0] : null, firstRelevantRank, total, hasDistractor);
    }
}

/// <param name="FirstRelevantRank">1-based rank of the first relevant hit; 0 when none was returned.</param>
/// <param name="HasDistractor">
/// A hit that is not relevant was returned too, so ranking, not matching alone, decided whether the first hit is relevant.
/// </param>
public sealed record QueryOutcome(JudgedQuery Query, string? TopHit, int FirstRelevantRank, long Total, bool HasDistractor)
{
    public bool FirstIsRelevant => FirstRelevantRank == 1;

    public double ReciprocalRank => FirstRelevantRank == 0 ? 0 : 1.0 / FirstRelevantRank;
}

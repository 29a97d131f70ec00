using System.Globalization;
using System.Text;

namespace Pipeline.Benchmarking.Relevance;

/// <summary>The figures of one store over a relevance set, and the queries whose first hit was not relevant.</summary>
public sealed record RelevanceReport(string Store, IReadOnlyList<QueryOutcome> Outcomes)
{
    /// <summary>Share of queries whose first result is relevant.</summary>
    public double PrecisionAtOne => Outcomes.Count == 0 ? 0 : Outcomes.Count(o => o.FirstIsRelevant) / (double)Outcomes.Count;

    public double MeanReciprocalRank => Outcomes.Count == 0 ? 0 : Outcomes.Average(o => o.ReciprocalRank);

    public IEnumerable<QueryOutcome> Misses => Outcomes.Where(o => !o.FirstIsRelevant);

    /// <summary>The queries that also returned a hit not judged relevant: those where ranking had a choice to make.</summary>
    public IReadOnlyList<QueryOutcome> RankingDecided => Outcomes.Where(o => o.HasDistractor).ToList();

    /// <summary>
    /// Share of the <see cref="RankingDecided"/> queries whose first result is relevant. Most queries of a small set
    /// match only relevant articles, so <see cref="PrecisionAtOne"/> alone stays high even with no ranking at all.
    /// </summary>
    public double RankingDecidedPrecisionAtOne
    {
        get
        {
            var decided = RankingDecided;
            return decided.Count == 0 ? 0 : decided.Count(o => o.FirstIsRelevant) / (double)decided.Count;
        }
    }

    /// <summary>One summary line, then one line per query whose first hit was not relevant (or per query).</summary>
    public string Format(bool everyQuery = false)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{Store}: {Outcomes.Count} queries, first result relevant {Outcomes.Count(o => o.FirstIsRelevant)}/{Outcomes.Count} = {PrecisionAtOne:P1}, MRR@{RelevanceEvaluation.Depth} {MeanReciprocalRank:F3}; ranking decided {RankingDecided.Count} (a hit not relevant was returned too), first relevant in {RankingDecided.Count(o => o.FirstIsRelevant)}");
        text.AppendLine();
        foreach (var outcome in everyQuery ? Outcomes : Misses)
        {
            var rank = outcome.FirstRelevantRank == 0 ? "no relevant hit" : $"first relevant at {outcome.FirstRelevantRank}";
            text.Append(CultureInfo.InvariantCulture,
                $"  {(outcome.FirstIsRelevant ? "ok  " : "miss")} [{outcome.Query.Kind}] {outcome.Query}: top hit {outcome.TopHit ?? "(none)"}, {rank}, {outcome.Total} hits{(outcome.HasDistractor ? " (ranking decided)" : "")}");
            text.AppendLine();
        }

        return text.ToString();
    }
}

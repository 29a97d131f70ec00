using Pipeline.Benchmarking.Relevance;

namespace Pipeline.Benchmarking.Tests;

public sealed class RelevanceScoringTests
{
    private static readonly JudgedQuery Query = new("words-en", "flood", ["b.txt", "c.txt"]);

    [Fact]
    public void A_relevant_first_hit_scores_one()
    {
        var outcome = RelevanceEvaluation.Score(Query, ["c.txt", "a.txt"], 2);

        Assert.True(outcome.FirstIsRelevant);
        Assert.Equal(1.0, outcome.ReciprocalRank);
        Assert.True(outcome.HasDistractor);
        Assert.False(RelevanceEvaluation.Score(Query, ["c.txt", "b.txt"], 2).HasDistractor);
    }

    [Fact]
    public void The_first_relevant_hit_further_down_scores_its_reciprocal_rank_and_no_precision()
    {
        var report = new RelevanceReport("store",
        [
            RelevanceEvaluation.Score(Query, ["a.txt", "d.txt", "b.txt"], 3),
            RelevanceEvaluation.Score(Query, ["b.txt"], 1),
            RelevanceEvaluation.Score(Query, ["a.txt"], 1),
            RelevanceEvaluation.Score(Query, [], 0),
        ]);

        Assert.Equal(3, report.Outcomes[0].FirstRelevantRank);
        Assert.Equal(0.25, report.PrecisionAtOne, 6);
        Assert.Equal((1.0 / 3 + 1 + 0 + 0) / 4, report.MeanReciprocalRank, 6);
        Assert.Equal(3, report.Misses.Count());
        Assert.Equal(2, report.RankingDecided.Count);
        Assert.Equal(0, report.RankingDecidedPrecisionAtOne);
        Assert.Contains("miss [words-en] flood: top hit a.txt, first relevant at 3, 3 hits (ranking decided)", report.Format(), StringComparison.Ordinal);
        Assert.Contains("top hit (none), no relevant hit", report.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_judgment_naming_an_article_outside_the_set_is_refused_by_name()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                {"referenceDate": "2024-12-31", "documents": ["a.txt"],
                 "queries": [{"kind": "words-en", "query": "flood", "relevant": ["missing.txt"]}]}
                """);

            var error = Assert.Throws<InvalidDataException>(() => RelevanceJudgments.Load(file));

            Assert.Contains("missing.txt", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

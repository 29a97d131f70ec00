using Pipeline.Ner.Conll;
using Pipeline.Ner.Evaluation;

namespace Pipeline.Ner.Tests;

public class ScorerTests
{
    [Theory]
    [InlineData(new[] { "Kata", "Budi", ",", "\"", "ya", "\"", "." }, "Kata Budi,\" ya\".")]
    [InlineData(new[] { "PT", "(", "Persero", ")", "naik", "5", "%" }, "PT (Persero) naik 5%")]
    public void Detokenizes_like_the_project_scorer(string[] tokens, string expected)
    {
        Assert.Equal(expected, NerScorer.Detokenize(tokens));
    }

    [Fact]
    public void A_tagger_that_returns_the_gold_spans_scores_one()
    {
        var sentences = Fixtures.AllSentences();

        var score = NerScorer.Score(new GoldTagger(sentences), sentences, sentencesPerDocument: 10);

        Assert.Equal(1.0, score.Overall.F1, 6);
        Assert.Equal(40, score.Overall.TruePositives);
        Assert.Equal(2, score.Documents);
    }

    [Fact]
    public void Wrong_types_count_as_a_false_positive_and_a_false_negative()
    {
        var sentences = new[] { new LabeledSentence(["Andi", "ke", "Medan"], [EntityLabels.Begin(0), 0, EntityLabels.Begin(2)]) };
        var tagger = new FixedTagger([new TaggedSpan(0, 1, EntityLabels.Person), new TaggedSpan(2, 1, EntityLabels.Organization)]);

        var score = NerScorer.Score(tagger, sentences);

        Assert.Equal(new NerCounts(1, 0, 0), score.ByType[EntityLabels.Person]);
        Assert.Equal(new NerCounts(0, 1, 0), score.ByType[EntityLabels.Organization]);
        Assert.Equal(new NerCounts(0, 0, 1), score.ByType[EntityLabels.Location]);
        Assert.Equal(0.5, score.Overall.Precision, 6);
        Assert.Equal(0.5, score.Overall.Recall, 6);
    }

    [Fact]
    public void Mentions_are_compared_per_document_as_a_multiset_of_case_folded_texts()
    {
        // Two sentences in one document both name "Medan"; the tagger finds it once, in other casing.
        var sentences = new[]
        {
            new LabeledSentence(["Medan"], [EntityLabels.Begin(2)]),
            new LabeledSentence(["MEDAN", "lagi"], [EntityLabels.Begin(2), 0]),
        };
        var tagger = new FixedTagger([new TaggedSpan(0, 1, EntityLabels.Location)], onlyFirstCall: true);

        var score = NerScorer.Score(tagger, sentences);

        Assert.Equal(new NerCounts(1, 0, 1), score.ByType[EntityLabels.Location]);
    }

    private sealed class GoldTagger(IReadOnlyList<LabeledSentence> sentences) : IEntityTagger
    {
        public IReadOnlyList<TaggedSpan> Tag(IReadOnlyList<string> tokens)
        {
            var sentence = sentences.First(s => s.Tokens.SequenceEqual(tokens));
            var spans = new List<TaggedSpan>();
            PerceptronTagger.AddSpans(sentence.Labels, spans);
            return spans;
        }
    }

    private sealed class FixedTagger(IReadOnlyList<TaggedSpan> spans, bool onlyFirstCall = false) : IEntityTagger
    {
        private int _calls;

        public IReadOnlyList<TaggedSpan> Tag(IReadOnlyList<string> tokens) =>
            _calls++ == 0 || !onlyFirstCall ? spans : [];
    }
}

using Pipeline.Ner.Features;

namespace Pipeline.Ner.Tests;

public class ViterbiTests
{
    private const int W = EntityLabels.RowWidth;

    [Fact]
    public void Never_continues_an_entity_that_was_not_begun()
    {
        // Emissions that strongly prefer I-Person everywhere and I-Location at the second token.
        const int n = 3;
        var emission = new int[n * W];
        for (var t = 0; t < n; t++)
        {
            emission[(t * W) + EntityLabels.Inside(0)] = 100;
            emission[(t * W) + EntityLabels.Begin(0)] = 60;
        }

        emission[W + EntityLabels.Inside(2)] = 500;
        var labels = new byte[n];

        Viterbi.Decode(emission, new int[Viterbi.TransitionTableSize], n, new byte[n * W], labels);

        for (var t = 0; t < n; t++)
        {
            var previous = t == 0 ? Viterbi.StartRow : labels[t - 1];
            Assert.True(Viterbi.IsAllowed(previous, labels[t]), $"label {labels[t]} after {previous} at {t}");
        }

        // The large I-Location score is only reachable by beginning the location at the first token.
        Assert.Equal([EntityLabels.Begin(2), EntityLabels.Inside(2), EntityLabels.Begin(0)], labels);
    }

    [Fact]
    public void Transition_scores_can_outweigh_emissions()
    {
        const int n = 2;
        var emission = new int[n * W];
        emission[EntityLabels.Begin(1)] = 10;
        emission[W + EntityLabels.Outside] = 10;
        emission[W + EntityLabels.Inside(1)] = 5;
        var transitions = new int[Viterbi.TransitionTableSize];
        transitions[(EntityLabels.Begin(1) * W) + EntityLabels.Inside(1)] = 20;
        var labels = new byte[n];

        Viterbi.Decode(emission, transitions, n, new byte[n * W], labels);

        Assert.Equal([EntityLabels.Begin(1), EntityLabels.Inside(1)], labels);
    }
}

using Pipeline.Ner.Conll;
using Pipeline.Ner.Features;
using Pipeline.Ner.Model;

namespace Pipeline.Ner.Training;

/// <summary>
/// Trains the structured averaged perceptron behind <see cref="PerceptronTagger"/>. Deterministic: the same
/// files in the same order with the same options give a byte-identical model.
/// </summary>
public static class NerTrainer
{
    private const int W = EntityLabels.RowWidth;
    private const int F = FeatureExtractor.FeaturesPerToken;

    /// <summary>Reads every CoNLL file (either dialect, see <see cref="ConllReader"/>) in the given order and trains.</summary>
    public static NerModel TrainFromConllFiles(
        IEnumerable<string> paths, TrainOptions options, IProgress<EpochReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sentences = new List<LabeledSentence>();
        foreach (var path in paths)
        {
            sentences.AddRange(ConllReader.ReadFile(path));
        }

        if (sentences.Count == 0)
        {
            throw new ArgumentException("The training files hold no sentences.", nameof(paths));
        }

        return Train(sentences, options, progress);
    }

    public static NerModel Train(
        IReadOnlyList<LabeledSentence> sentences, TrainOptions options, IProgress<EpochReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var emissionSum = new double[(1 << options.HashBits) * W];
        var transitionSum = new double[Viterbi.TransitionTableSize];
        for (var run = 0; run < options.Runs; run++)
        {
            TrainRun(sentences, options, run, emissionSum, transitionSum, progress);
        }

        var builder = new GazetteerBuilder();
        foreach (var sentence in sentences)
        {
            builder.Add(sentence);
        }

        // Emission weights become signed bytes: half the memory of shorts, so the table of a 17-bit model
        // (1 MB) mostly stays in cache while tagging; measured on the dev sets, F1 is unchanged.
        var scale = sbyte.MaxValue / Math.Max(1e-9, LargestMagnitude(emissionSum));
        return new NerModel(
            options.HashBits, (float)scale, options.Epochs, sentences.Count,
            ToShorts(transitionSum, scale), ToSignedBytes(emissionSum, scale), builder.Build());
    }

    /// <summary>
    /// One averaged-perceptron run with its own sentence order and gazetteer folds; its averaged weights are
    /// added to the sums. Summing runs (parameter averaging) evens out the luck of a single order.
    /// </summary>
    private static void TrainRun(
        IReadOnlyList<LabeledSentence> sentences, TrainOptions options, int run, double[] emissionSum,
        double[] transitionSum, IProgress<EpochReport>? progress)
    {
        var runSeed = FeatureHash.Combine(options.Seed, (ulong)run);
        var features = ExtractTrainingFeatures(sentences, options, runSeed);
        var emission = new AveragedWeights(emissionSum.Length);
        var transitions = new AveragedWeights(transitionSum.Length);
        var order = new int[sentences.Count];
        var scratch = new Scratch(sentences.Max(s => s.Tokens.Length));
        long step = 1;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            DeterministicShuffle.Shuffle(order, FeatureHash.Combine(runSeed, (ulong)epoch));
            var wrong = 0;
            foreach (var index in order)
            {
                if (TrainSentence(sentences[index].Labels, features[index], emission, transitions, scratch, step))
                {
                    wrong++;
                }

                step++;
            }

            progress?.Report(new EpochReport(run + 1, epoch, wrong, sentences.Count));
        }

        for (var i = 0; i < emissionSum.Length; i++)
        {
            emissionSum[i] += emission.Average(i, step);
        }

        for (var i = 0; i < transitionSum.Length; i++)
        {
            transitionSum[i] += transitions.Average(i, step);
        }
    }

    private static int[][] ExtractTrainingFeatures(IReadOnlyList<LabeledSentence> sentences, TrainOptions options, ulong runSeed)
    {
        var folds = options.GazetteerFolds;
        var foldOf = new int[sentences.Count];
        for (var s = 0; s < foldOf.Length; s++)
        {
            foldOf[s] = (int)(FeatureHash.Combine(runSeed, (ulong)s) % (ulong)folds);
        }

        var foldGazetteers = new Gazetteer[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            var builder = new GazetteerBuilder();
            for (var s = 0; s < sentences.Count; s++)
            {
                if (foldOf[s] != fold)
                {
                    builder.Add(sentences[s]);
                }
            }

            foldGazetteers[fold] = builder.Build();
        }

        var features = new int[sentences.Count][];
        var infos = new TokenInfo[sentences.Max(s => s.Tokens.Length)];
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s].Tokens;
            var span = infos.AsSpan(0, tokens.Length);
            FeatureExtractor.AnalyzeTokens(tokens, span, foldGazetteers[foldOf[s]]);
            features[s] = new int[tokens.Length * F];
            FeatureExtractor.Extract(span, features[s], options.HashBits);
        }

        return features;
    }

    /// <summary>Decodes with the current weights and, if wrong, moves them towards the gold sequence.</summary>
    private static bool TrainSentence(
        byte[] gold, int[] rows, AveragedWeights emission, AveragedWeights transitions, Scratch scratch, long step)
    {
        var n = gold.Length;
        var scores = scratch.Emission.AsSpan(0, n * W);
        var weights = emission.Current;
        for (var t = 0; t < n; t++)
        {
            var tokenScores = scores.Slice(t * W, W);
            tokenScores.Clear();
            foreach (var row in rows.AsSpan(t * F, F))
            {
                var rowWeights = weights.AsSpan(row * W, W);
                for (var y = 0; y < W; y++)
                {
                    tokenScores[y] += rowWeights[y];
                }
            }
        }

        var predicted = scratch.Labels.AsSpan(0, n);
        Viterbi.Decode(scores, transitions.Current, n, scratch.BackPointers, predicted);
        if (predicted.SequenceEqual(gold))
        {
            return false;
        }

        for (var t = 0; t < n; t++)
        {
            int g = gold[t], p = predicted[t];
            if (g != p)
            {
                foreach (var row in rows.AsSpan(t * F, F))
                {
                    emission.Update((row * W) + g, 1, step);
                    emission.Update((row * W) + p, -1, step);
                }
            }

            var goldPrevious = t == 0 ? Viterbi.StartRow : gold[t - 1];
            var predictedPrevious = t == 0 ? Viterbi.StartRow : predicted[t - 1];
            if (g != p || goldPrevious != predictedPrevious)
            {
                transitions.Update((goldPrevious * W) + g, 1, step);
                transitions.Update((predictedPrevious * W) + p, -1, step);
            }
        }

        return true;
    }

    private static double LargestMagnitude(double[] values)
    {
        var largest = 0.0;
        foreach (var value in values)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        return largest;
    }

    private static sbyte[] ToSignedBytes(double[] values, double scale)
    {
        var result = new sbyte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = (sbyte)Math.Clamp(Math.Round(values[i] * scale), sbyte.MinValue, sbyte.MaxValue);
        }

        return result;
    }

    private static short[] ToShorts(double[] values, double scale)
    {
        var result = new short[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = (short)Math.Clamp(Math.Round(values[i] * scale), short.MinValue, short.MaxValue);
        }

        return result;
    }

    private sealed class Scratch(int maxTokens)
    {
        public int[] Emission { get; } = new int[maxTokens * W];

        public byte[] BackPointers { get; } = new byte[maxTokens * W];

        public byte[] Labels { get; } = new byte[maxTokens];
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Pipeline.Ner.Features;
using Pipeline.Ner.Model;

namespace Pipeline.Ner;

/// <summary>
/// Tags sentences with a structured (averaged) perceptron: hashed features score each BIO label, Viterbi
/// picks the best valid sequence. Thread-safe; allocation-free per call apart from the returned spans.
/// </summary>
public sealed class PerceptronTagger : IEntityTagger
{
    private readonly NerModel _model;

    public PerceptronTagger(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public IReadOnlyList<TaggedSpan> Tag(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            return [];
        }

        var labels = PredictLabels(tokens);
        var spans = new List<TaggedSpan>();
        AddSpans(labels, spans);
        return spans.Count == 0 ? [] : spans;
    }

    /// <summary>Like <see cref="Tag"/> but appends to a caller-owned list, for callers that reuse one.</summary>
    public void Tag(IReadOnlyList<string> tokens, ICollection<TaggedSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(spans);
        if (tokens.Count > 0)
        {
            AddSpans(PredictLabels(tokens), spans);
        }
    }

    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<TokenSpan> tokens, ICollection<TaggedSpan> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (tokens.Length == 0)
        {
            return;
        }

        var workspace = TaggerWorkspace.ForCurrentThread(tokens.Length);
        FeatureExtractor.AnalyzeTokens(text, tokens, workspace.Infos.AsSpan(0, tokens.Length), _model.Gazetteer);
        AddSpans(Decode(workspace, tokens.Length), found);
    }

    /// <summary>The BIO label id of every token (valid until the next call on this thread).</summary>
    internal ReadOnlySpan<byte> PredictLabels(IReadOnlyList<string> tokens)
    {
        var n = tokens.Count;
        var workspace = TaggerWorkspace.ForCurrentThread(n);
        FeatureExtractor.AnalyzeTokens(tokens, workspace.Infos.AsSpan(0, n), _model.Gazetteer);
        return Decode(workspace, n);
    }

    /// <summary>Scores and decodes the first <paramref name="n"/> analysed tokens of the workspace.</summary>
    private ReadOnlySpan<byte> Decode(TaggerWorkspace workspace, int n)
    {
        var rows = workspace.Rows.AsSpan(0, n * FeatureExtractor.FeaturesPerToken);
        FeatureExtractor.Extract(workspace.Infos.AsSpan(0, n), rows, _model.HashBits);
        var emission = workspace.Emission.AsSpan(0, n * EntityLabels.RowWidth);
        ScoreEmissions(rows, _model.PaddedEmission, emission);
        var labels = workspace.Labels.AsSpan(0, n);
        Viterbi.Decode(emission, _model.TransitionScores, n, workspace.BackPointers, labels);
        return labels;
    }

    internal static void AddSpans(ReadOnlySpan<byte> labels, ICollection<TaggedSpan> spans)
    {
        var i = 0;
        while (i < labels.Length)
        {
            if (labels[i] == EntityLabels.Outside)
            {
                i++;
                continue;
            }

            var type = EntityLabels.TypeIndexOf(labels[i]);
            var end = i + 1;
            while (end < labels.Length && EntityLabels.IsInside(labels[end]) && EntityLabels.TypeIndexOf(labels[end]) == type)
            {
                end++;
            }

            spans.Add(new TaggedSpan(i, end - i, EntityLabels.TypeName(type)));
            i = end;
        }
    }

    /// <summary>
    /// Sums each token's feature rows: one 8-byte row widened to eight shorts per feature. Shorts cannot
    /// overflow: FeaturesPerToken * 127 is far below 32767.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreEmissions(ReadOnlySpan<int> rows, sbyte[] paddedWeights, Span<int> emission)
    {
        ref var weightBase = ref MemoryMarshal.GetArrayDataReference(paddedWeights);
        ref var emissionBase = ref MemoryMarshal.GetReference(emission);
        var tokens = emission.Length / EntityLabels.RowWidth;
        for (var t = 0; t < tokens; t++)
        {
            var sum = Vector128<short>.Zero;
            var tokenRows = rows.Slice(t * FeatureExtractor.FeaturesPerToken, FeatureExtractor.FeaturesPerToken);
            foreach (var row in tokenRows)
            {
                // Rows come from a hash shifted to HashBits and the table holds 2^HashBits rows plus one row of
                // padding for this 16-byte load: always in range.
                var bytes = Vector128.LoadUnsafe(ref weightBase, (nuint)row * EntityLabels.RowWidth);
                sum += Vector128.WidenLower(bytes);
            }

            var (low, high) = Vector128.Widen(sum);
            low.StoreUnsafe(ref emissionBase, (nuint)(t * EntityLabels.RowWidth));
            high.StoreUnsafe(ref emissionBase, (nuint)((t * EntityLabels.RowWidth) + 4));
        }
    }
}

using System.Runtime.CompilerServices;

namespace Pipeline.Ner.Features;

/// <summary>
/// Turns analysed tokens into hashed feature rows: every token gets exactly <see cref="FeaturesPerToken"/>
/// row indices into the weight table. Templates are numbered; changing, adding or reordering them changes
/// what saved weights mean and needs a new <see cref="Model.NerModelFormat.FeatureSchemaVersion"/>.
/// </summary>
internal static class FeatureExtractor
{
    public const int FeaturesPerToken = 46;

    /// <summary>Analyses every token and marks gazetteer matches.</summary>
    public static void AnalyzeTokens(IReadOnlyList<string> tokens, Span<TokenInfo> infos, Gazetteer gazetteer)
    {
        for (var i = 0; i < infos.Length; i++)
        {
            TokenAnalyzer.Analyze(tokens[i], ref infos[i]);
        }

        MarkContext(infos, gazetteer);
    }

    /// <summary>The same for tokens given as positions in <paramref name="text"/>.</summary>
    public static void AnalyzeTokens(ReadOnlySpan<char> text, ReadOnlySpan<TokenSpan> tokens, Span<TokenInfo> infos, Gazetteer gazetteer)
    {
        for (var i = 0; i < infos.Length; i++)
        {
            TokenAnalyzer.Analyze(text.Slice(tokens[i].Start, tokens[i].Length), ref infos[i]);
        }

        MarkContext(infos, gazetteer);
    }

    private static void MarkContext(Span<TokenInfo> infos, Gazetteer gazetteer)
    {
        gazetteer.Mark(infos);
        MarkCapitalisedRuns(infos);
    }

    /// <summary>
    /// Names are mostly runs of capitalised words, and the words at a run's ends say what kind of name it is
    /// ("Universitas ...", "... FC", "Kabupaten ..."), so every token learns its run's first and last word.
    /// </summary>
    private static void MarkCapitalisedRuns(Span<TokenInfo> infos)
    {
        var start = 0;
        while (start < infos.Length)
        {
            if (!IsCapitalised(infos[start].Capitalisation))
            {
                infos[start].RunLength = 0;
                infos[start].RunPosition = 0;
                infos[start].RunFirst = 0;
                infos[start].RunLast = 0;
                infos[start].RunFirstCue = CueClass.None;
                infos[start].RunLastCue = CueClass.None;
                start++;
                continue;
            }

            var end = start + 1;
            while (end < infos.Length && IsCapitalised(infos[end].Capitalisation))
            {
                end++;
            }

            var length = (byte)Math.Min(end - start, 5);
            for (var k = start; k < end; k++)
            {
                infos[k].RunFirst = infos[start].Word;
                infos[k].RunLast = infos[end - 1].Word;
                infos[k].RunFirstCue = infos[start].Cue;
                infos[k].RunLastCue = infos[end - 1].Cue;
                infos[k].RunLength = length;
                infos[k].RunPosition = (byte)((k == start ? 1 : 0) | (k == end - 1 ? 2 : 0) | 4);
            }

            start = end;
        }
    }

    private static bool IsCapitalised(CapitalisationClass capitalisation) => capitalisation is
        CapitalisationClass.Title or CapitalisationClass.AllCaps or CapitalisationClass.SingleCapital
        or CapitalisationClass.MixedCase;

    /// <param name="rows">Receives infos.Length * <see cref="FeaturesPerToken"/> row indices.</param>
    /// <param name="hashBits">log2 of the number of weight rows.</param>
    public static void Extract(ReadOnlySpan<TokenInfo> infos, Span<int> rows, int hashBits)
    {
        var shift = 64 - hashBits;
        var n = infos.Length;
        for (var i = 0; i < n; i++)
        {
            ref readonly var w0 = ref infos[i];
            ref readonly var wm1 = ref At(infos, i - 1);
            ref readonly var wm2 = ref At(infos, i - 2);
            ref readonly var wp1 = ref At(infos, i + 1);
            ref readonly var wp2 = ref At(infos, i + 2);
            var position = (ulong)((i == 0 ? 1 : 0) | (i == n - 1 ? 2 : 0));
            var cap0 = (ulong)w0.Capitalisation;
            var capM1 = (ulong)wm1.Capitalisation;
            var capP1 = (ulong)wp1.Capitalisation;

            var f = rows.Slice(i * FeaturesPerToken, FeaturesPerToken);
            f[0] = Row(1, 0, shift);
            f[1] = Row(2, w0.Word, shift);
            f[2] = Row(3, wm1.Word, shift);
            f[3] = Row(4, wp1.Word, shift);
            f[4] = Row(5, wm2.Word, shift);
            f[5] = Row(6, wp2.Word, shift);
            f[6] = Row(7, Pair(wm1.Word, w0.Word), shift);
            f[7] = Row(8, Pair(w0.Word, wp1.Word), shift);
            f[8] = Row(9, w0.Shape, shift);
            f[9] = Row(10, wm1.Shape, shift);
            f[10] = Row(11, wp1.Shape, shift);
            f[11] = Row(12, Pair(wm1.ShortShape, w0.ShortShape, wp1.ShortShape), shift);
            f[12] = Row(13, w0.Prefix1, shift);
            f[13] = Row(14, w0.Prefix2, shift);
            f[14] = Row(15, w0.Prefix3, shift);
            f[15] = Row(16, w0.Suffix1, shift);
            f[16] = Row(17, w0.Suffix2, shift);
            f[17] = Row(18, w0.Suffix3, shift);
            f[18] = Row(19, w0.Suffix4, shift);
            f[19] = Row(20, Pair(cap0, position), shift);
            f[20] = Row(21, Pair(capM1, cap0, capP1), shift);
            f[21] = Row(22, (ulong)w0.Cue, shift);
            f[22] = Row(23, Pair((ulong)wm1.Cue, cap0), shift);
            f[23] = Row(24, Pair((ulong)wm2.Cue, capM1, cap0), shift);
            f[24] = Row(25, Pair((ulong)wp1.Cue, cap0), shift);
            f[25] = Row(26, w0.Gazetteer, shift);
            f[26] = Row(27, Pair(wm1.Gazetteer, w0.Gazetteer), shift);
            f[27] = Row(28, Pair(w0.Gazetteer, wp1.Gazetteer), shift);
            f[28] = Row(29, Pair(wm1.Word, cap0), shift);
            f[29] = Row(30, Pair(wp1.Word, cap0), shift);
            f[30] = Row(31, Pair(w0.LengthBucket, cap0), shift);
            f[31] = Row(32, Pair(w0.Gazetteer, cap0, (ulong)wm1.Cue), shift);
            f[32] = Row(33, Pair(wm1.Word, wm2.Word), shift);
            f[33] = Row(34, Pair(wp1.Word, wp2.Word), shift);
            f[34] = Row(35, Pair(w0.WordTypes, cap0), shift);
            f[35] = Row(36, Pair(wm1.WordTypes, w0.WordTypes, cap0), shift);
            f[36] = Row(37, Pair(w0.WordTypes, wp1.WordTypes, capP1), shift);
            f[37] = Row(38, wm1.Suffix3, shift);
            f[38] = Row(39, wp1.Suffix3, shift);
            f[39] = Row(40, wm1.Prefix2, shift);
            f[40] = Row(41, wp1.Prefix2, shift);
            var runPosition = (ulong)w0.RunPosition;
            f[41] = Row(42, Pair(w0.RunFirst, runPosition), shift);
            f[42] = Row(43, Pair(w0.RunLast, runPosition), shift);
            f[43] = Row(44, Pair(w0.RunLength, runPosition), shift);
            f[44] = Row(45, Pair((ulong)w0.RunFirstCue, (ulong)w0.RunLastCue, runPosition), shift);
            f[45] = Row(46, Pair(w0.RunLength, runPosition, w0.WordTypes), shift);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref readonly TokenInfo At(ReadOnlySpan<TokenInfo> infos, int index)
    {
        if (index < 0)
        {
            return ref TokenAnalyzer.BeginPadding;
        }

        return ref index >= infos.Length ? ref TokenAnalyzer.EndPadding : ref infos[index];
    }

    /// <summary>
    /// Conjunction of two feature values. One multiply-add instead of a full mix: <see cref="Row"/> mixes
    /// once at the end, and this runs some forty times per token.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pair(ulong a, ulong b) => (a * 0x9E3779B97F4A7C15UL) + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pair(ulong a, ulong b, ulong c) => Pair(Pair(a, b), c);

    /// <summary>Template number and value to a weight row: xor-shift then Fibonacci hashing into the top bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Row(ulong template, ulong value, int shift)
    {
        var x = value ^ (template * 0xD1B54A32D192ED03UL);
        x ^= x >> 32;
        return (int)((x * 0x9E3779B97F4A7C15UL) >> shift);
    }
}

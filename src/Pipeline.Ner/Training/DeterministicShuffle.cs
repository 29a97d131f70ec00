namespace Pipeline.Ner.Training;

/// <summary>
/// Fisher-Yates over SplitMix64: a shuffle defined here rather than by System.Random, so a model rebuilt
/// with a later runtime still sees the sentences in the same order.
/// </summary>
internal static class DeterministicShuffle
{
    public static void Shuffle(Span<int> items, ulong seed)
    {
        var state = seed;
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)(Next(ref state) % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Features.FeatureHash.Mix(state);
    }
}

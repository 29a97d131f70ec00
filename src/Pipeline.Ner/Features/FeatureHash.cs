using System.Runtime.CompilerServices;

namespace Pipeline.Ner.Features;

/// <summary>
/// Stable 64-bit hashing of token text and feature conjunctions. Saved models store hashed rows, so these
/// functions must never change for a given <see cref="Model.NerModelFormat.FeatureSchemaVersion"/>
/// (string.GetHashCode is randomised per process and is therefore not usable here).
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    public static ulong Start => FnvOffset;

    /// <summary>Folds ASCII fast and everything else through the invariant culture.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Lower(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, char c) => (hash ^ c) * FnvPrime;

    public static ulong LowerText(ReadOnlySpan<char> text)
    {
        var hash = FnvOffset;
        foreach (var c in text)
        {
            hash = Add(hash, Lower(c));
        }

        return hash;
    }

    /// <summary>SplitMix64's finaliser: spreads every input bit over the output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    /// <summary>Order-sensitive combination of two hashes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong a, ulong b) => Mix((a * Golden) + b + 0x632BE59BD9B4E019UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong a, ulong b, ulong c) => Combine(Combine(a, b), c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong a, ulong b, ulong c, ulong d) => Combine(Combine(Combine(a, b), c), d);
}

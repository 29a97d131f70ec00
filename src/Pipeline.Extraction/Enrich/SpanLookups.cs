using System.Collections.Frozen;

namespace Pipeline.Extraction.Enrich;

/// <summary>Set lookups by span, so words of the body are tested without being copied into strings.</summary>
internal static class SpanLookups
{
    public static bool Has(this FrozenSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public static bool Has(this FrozenSet<string> set, string text, TextSpan word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(word.Start, word.Length));
}

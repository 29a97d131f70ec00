using System.Collections.Frozen;

namespace Pipeline.Extraction.Enrich;

/// <summary>Tells the language by counting function words: cheap, and reliable on a paragraph or more of news prose.</summary>
internal static class LanguageDetector
{
    private static readonly (string Code, FrozenSet<string> Words)[] Profiles =
    [
        ("id", StopWords.Indonesian),
        ("en", StopWords.English),
        ("ms", StopWords.Malay),
        ("de", StopWords.German),
        ("fr", StopWords.French),
        ("es", StopWords.Spanish),
        ("nl", StopWords.Dutch),
    ];

    // One lookup per word: each function word maps to the set of languages (bit per profile) it belongs to.
    private static readonly FrozenDictionary<string, int> Membership = BuildMembership();

    /// <summary>ISO 639-1 code, or null when too few function words were seen to say.</summary>
    public static string? Detect(string text, List<TextSpan> words)
    {
        Span<int> hits = stackalloc int[Profiles.Length];
        var membership = Membership.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[32];
        var inspected = Math.Min(words.Count, 400);
        for (var w = 0; w < inspected; w++)
        {
            var word = words[w];
            if (word.Length > lower.Length)
                continue;
            var token = lower[..word.Length];
            InvariantCase.ToLowerWord(text.AsSpan(word.Start, word.Length), token);
            if (!membership.TryGetValue(token, out var mask))
                continue;
            for (var p = 0; p < Profiles.Length; p++)
            {
                if ((mask & (1 << p)) != 0)
                    hits[p]++;
            }
        }
        var best = 0;
        for (var p = 1; p < Profiles.Length; p++)
        {
            if (hits[p] > hits[best])
                best = p;
        }
        return hits[best] >= 3 && hits[best] * 20 >= inspected ? Profiles[best].Code : null;
    }

    private static FrozenDictionary<string, int> BuildMembership()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < Profiles.Length; p++)
        {
            foreach (var word in Profiles[p].Words)
                map[word] = map.GetValueOrDefault(word) | (1 << p);
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

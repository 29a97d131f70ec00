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

    /// <summary>ISO 639-1 code, or null when too few function words were seen to say.</summary>
    public static string? Detect(string text, List<TextSpan> words)
    {
        Span<int> hits = stackalloc int[Profiles.Length];
        Span<char> lower = stackalloc char[32];
        var inspected = Math.Min(words.Count, 400);
        for (var w = 0; w < inspected; w++)
        {
            var word = words[w];
            if (word.Length > lower.Length)
                continue;
            var token = lower[..word.Length];
            text.AsSpan(word.Start, word.Length).ToLowerInvariant(token);
            for (var p = 0; p < Profiles.Length; p++)
            {
                if (Profiles[p].Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token))
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
}

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// An extractive summary: the sentences that carry the most keywords for their length, with a bonus for coming
/// early (news puts the essentials first), given back in their original order.
/// </summary>
internal static class Summarizer
{
    public static string? Summarise(string body, List<TextSpan> sentences, List<string> keywords, int sentenceCount)
    {
        if (sentences.Count == 0 || sentenceCount <= 0)
            return null;
        // Ignoring case as OrdinalIgnoreCase does (upper-casing char by char, so offsets hold), but once per article:
        // the runtime has no ICU here (invariant globalization), and its OrdinalIgnoreCase search is a scalar loop
        // that made this method 6% of the embedded pipeline's CPU, against a vectorised ordinal search. Its
        // invariant upper-casing is char by char too (0.7%), hence InvariantCase's ASCII stretches.
        var folded = InvariantCase.ToUpper(body);
        var foldedKeywords = new string[keywords.Count];
        for (var k = 0; k < keywords.Count; k++)
            foldedKeywords[k] = InvariantCase.ToUpper(keywords[k]);
        var scored = new List<(int Index, double Score)>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = folded.AsSpan(sentences[i].Start, sentences[i].Length);
            var wordCount = Math.Max(1, TextSpans.CountWords(sentence));
            if (wordCount < 5)
                continue;
            var hits = 0;
            foreach (var keyword in foldedKeywords)
            {
                if (sentence.Contains(keyword, StringComparison.Ordinal))
                    hits++;
            }
            var position = 1.0 / (1 + i * 0.5);
            scored.Add((i, hits / Math.Sqrt(wordCount) + position));
        }
        scored.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        var chosen = new List<int>(sentenceCount);
        for (var i = 0; i < scored.Count && chosen.Count < sentenceCount; i++)
            chosen.Add(scored[i].Index);
        if (chosen.Count == 0)
            return null;
        chosen.Sort();
        var parts = new string[chosen.Count];
        for (var i = 0; i < chosen.Count; i++)
            parts[i] = body.Substring(sentences[chosen[i]].Start, sentences[chosen[i]].Length).Replace("\n", " ", StringComparison.Ordinal);
        return string.Join(' ', parts);
    }
}

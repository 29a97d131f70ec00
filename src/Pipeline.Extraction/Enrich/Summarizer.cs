using System.Buffers;

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
        // Ignoring case as OrdinalIgnoreCase does (upper-casing char by char, so offsets hold), but once per sentence
        // into one buffer: the runtime has no ICU here (invariant globalization), and its OrdinalIgnoreCase search is a
        // scalar loop that made this method 6% of the embedded pipeline's CPU, against a vectorised ordinal search.
        // Its invariant upper-casing is char by char too (0.7%), hence InvariantCase's ASCII stretches.
        var foldedKeywords = new string[keywords.Count];
        for (var k = 0; k < keywords.Count; k++)
            foldedKeywords[k] = InvariantCase.ToUpper(keywords[k]);
        var longest = 0;
        foreach (var s in sentences)
            longest = Math.Max(longest, s.Length);
        var buffer = ArrayPool<char>.Shared.Rent(longest);
        var scored = new List<(int Index, double Score)>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            var original = body.AsSpan(sentences[i].Start, sentences[i].Length);
            var wordCount = Math.Max(1, TextSpans.CountWords(original));
            if (wordCount < 5)
                continue;
            var sentence = buffer.AsSpan(0, original.Length);
            InvariantCase.ToUpper(original, sentence);
            var hits = 0;
            foreach (var keyword in foldedKeywords)
            {
                if (sentence.Contains(keyword, StringComparison.Ordinal))
                    hits++;
            }
            var position = 1.0 / (1 + i * 0.5);
            scored.Add((i, hits / Math.Sqrt(wordCount) + position));
        }
        ArrayPool<char>.Shared.Return(buffer);
        scored.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        var chosen = new List<int>(sentenceCount);
        for (var i = 0; i < scored.Count && chosen.Count < sentenceCount; i++)
            chosen.Add(scored[i].Index);
        if (chosen.Count == 0)
            return null;
        chosen.Sort();
        return Join(body, sentences, chosen);
    }

    /// <summary>The chosen sentences joined by a space, each on one line: line breaks inside a sentence become spaces.</summary>
    private static string Join(string body, List<TextSpan> sentences, List<int> chosen)
    {
        var length = chosen.Count - 1;
        foreach (var index in chosen)
            length += sentences[index].Length;
        return string.Create(length, (body, sentences, chosen), static (destination, state) =>
        {
            var at = 0;
            for (var i = 0; i < state.chosen.Count; i++)
            {
                if (i > 0)
                    destination[at++] = ' ';
                var index = state.chosen[i];
                var sentence = state.body.AsSpan(state.sentences[index].Start, state.sentences[index].Length);
                sentence.Replace(destination.Slice(at, sentence.Length), '\n', ' ');
                at += sentence.Length;
            }
        });
    }
}

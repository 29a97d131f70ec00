using Pipeline.Contracts;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Keywords: the most frequent content words (stop words of Indonesian and English left out), with names of
/// entities counted as one keyword and words of the title weighted up, since the title says what matters.
/// </summary>
internal static class KeywordExtractor
{
    public static List<string> Extract(string body, List<TextSpan> words, string title, List<Entity> entities, int count)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var display = new Dictionary<string, string>(StringComparer.Ordinal);
        var titleWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in TextSpans.Words(title))
            titleWords.Add(title.Substring(w.Start, w.Length).ToLowerInvariant());

        var covered = new HashSet<int>();
        foreach (var entity in entities)
        {
            if (entity.Mentions.Count == 0)
                continue;
            var key = entity.Name.ToLowerInvariant();
            scores[key] = scores.GetValueOrDefault(key) + entity.Mentions.Count * 1.5;
            display[key] = entity.Name;
            foreach (var m in entity.Mentions)
                covered.Add(m.Start);
        }

        foreach (var w in words)
        {
            if (w.Length < 3 || covered.Contains(w.Start) || char.IsDigit(body[w.Start]))
                continue;
            var lower = body.Substring(w.Start, w.Length).ToLowerInvariant();
            if (StopWords.IsStopWord(lower))
                continue;
            var weight = titleWords.Contains(lower) ? 2.0 : 1.0;
            scores[lower] = scores.GetValueOrDefault(lower) + weight;
            display.TryAdd(lower, lower);
        }

        var ranked = new List<KeyValuePair<string, double>>(scores);
        ranked.Sort(static (a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        var result = new List<string>(count);
        foreach (var (key, score) in ranked)
        {
            if (result.Count == count || score < 2)
                break;
            result.Add(display[key]);
        }
        return result;
    }
}

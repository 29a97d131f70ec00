using Pipeline.Contracts;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Keywords: the most frequent content words (stop words of Indonesian and English left out), with names of
/// entities counted as one keyword and words of the title weighted up, since the title says what matters.
/// </summary>
internal static class KeywordExtractor
{
    private const int MaxWordLength = 48;

    /// <summary>Past this many distinct words an article's tables are let go rather than kept by the thread.</summary>
    private const int LargestKeptTable = 4096;

    /// <summary>The tables of one extraction, kept per thread and cleared for the next: most articles fit the last one's.</summary>
    [ThreadStatic]
    private static Tables? _tables;

    public static List<string> Extract(string body, List<TextSpan> words, string title, List<Entity> entities, int count)
    {
        var tables = _tables ??= new Tables();
        tables.Clear();
        var keywords = Extract(body, words, title, entities, count, tables);
        if (tables.Scores.Count > LargestKeptTable)
            _tables = null;
        return keywords;
    }

    private static List<string> Extract(string body, List<TextSpan> words, string title, List<Entity> entities, int count, Tables tables)
    {
        var scores = tables.Scores;
        var wordScores = scores.GetAlternateLookup<ReadOnlySpan<char>>();
        var names = tables.Names;
        var titleWords = tables.TitleWords;
        foreach (var w in TextSpans.Words(title))
            titleWords.Add(title.Substring(w.Start, w.Length).ToLowerInvariant());
        var inTitle = titleWords.GetAlternateLookup<ReadOnlySpan<char>>();

        var covered = tables.Covered;
        foreach (var entity in entities)
        {
            if (entity.Mentions.Count == 0)
                continue;
            var key = entity.Name.ToLowerInvariant();
            scores[key] = scores.GetValueOrDefault(key) + entity.Mentions.Count * 1.5;
            names[key] = entity.Name;
            foreach (var m in entity.Mentions)
                covered.Add(m.Start);
        }

        Span<char> lower = stackalloc char[MaxWordLength];
        foreach (var w in words)
        {
            if (w.Length < 3 || w.Length > MaxWordLength || covered.Contains(w.Start) || char.IsDigit(body[w.Start]))
                continue;
            var token = lower[..w.Length];
            InvariantCase.ToLowerWord(body.AsSpan(w.Start, w.Length), token);
            if (StopWords.IsStopWord(token))
                continue;
            var weight = inTitle.Contains(token) ? 2.0 : 1.0;
            wordScores[token] = wordScores.TryGetValue(token, out var score) ? score + weight : weight;
        }

        var ranked = tables.Ranked;
        ranked.AddRange(scores);
        ranked.Sort(static (a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        var result = new List<string>(count);
        foreach (var (key, score) in ranked)
        {
            if (result.Count == count || score < 2)
                break;
            result.Add(names.GetValueOrDefault(key, key));
        }
        return result;
    }

    private sealed class Tables
    {
        public Dictionary<string, double> Scores { get; } = new(512, StringComparer.Ordinal);
        public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);
        public HashSet<string> TitleWords { get; } = new(StringComparer.Ordinal);
        public HashSet<int> Covered { get; } = [];
        public List<KeyValuePair<string, double>> Ranked { get; } = new(512);

        public void Clear()
        {
            Scores.Clear();
            Names.Clear();
            TitleWords.Clear();
            Covered.Clear();
            Ranked.Clear();
        }
    }
}

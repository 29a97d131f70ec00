namespace Pipeline.Storage.Text;

/// <summary>
/// Picks the passage of the body that holds the most different query terms and marks where they are.
/// Runs on the stored text with the same analyzer as the index, so what is highlighted is what matched.
/// </summary>
public sealed class SnippetBuilder(int snippetLength)
{
    // Enough matches to choose a good passage; stops analysing long bodies early.
    private const int MaxMatches = 64;
    private const string Ellipsis = "…";

    public (string Snippet, IReadOnlyList<TextSpan> Highlights) Build(string body, string? language, IReadOnlySet<string> terms)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(terms);
        var matches = new List<(int Start, int End, string Term)>();
        TextAnalyzer.FindTerms(body, TextAnalyzer.KindFor(language), terms, (term, start, end) =>
        {
            if (matches.Count == 0 || matches[^1].Start != start)
                matches.Add((start, end, term));
            return matches.Count < MaxMatches;
        });

        var windowStart = matches.Count == 0 ? 0 : BestWindowStart(matches);
        return Cut(body, windowStart, matches);
    }

    private int BestWindowStart(List<(int Start, int End, string Term)> matches)
    {
        var bestIndex = 0;
        var bestDistinct = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < matches.Count; i++)
        {
            distinct.Clear();
            for (var j = i; j < matches.Count && matches[j].End - matches[i].Start <= snippetLength; j++)
                distinct.Add(matches[j].Term);
            if (distinct.Count > bestDistinct)
            {
                bestDistinct = distinct.Count;
                bestIndex = i;
            }
        }

        // A little context before the first match reads better than starting on it.
        return Math.Max(0, matches[bestIndex].Start - (snippetLength / 5));
    }

    private (string, IReadOnlyList<TextSpan>) Cut(string body, int start, List<(int Start, int End, string Term)> matches)
    {
        start = AdvanceToWordStart(body, start);
        var end = Math.Min(body.Length, start + snippetLength);
        if (end < body.Length)
            end = BackToWordEnd(body, start, end);

        var prefix = start > 0 ? Ellipsis : string.Empty;
        var suffix = end < body.Length ? Ellipsis : string.Empty;
        var highlights = new List<TextSpan>();
        foreach (var (matchStart, matchEnd, _) in matches)
        {
            if (matchStart >= start && matchEnd <= end)
                highlights.Add(new TextSpan(matchStart - start + prefix.Length, matchEnd - matchStart));
        }

        var text = string.Concat(prefix, body.AsSpan(start, end - start), suffix);
        return (text.Replace('\r', ' ').Replace('\n', ' '), highlights);
    }

    private static int AdvanceToWordStart(string body, int start)
    {
        if (start == 0)
            return 0;
        var space = body.AsSpan(start).IndexOfAny(' ', '\n', '\t');
        return space < 0 || space > 40 ? start : start + space + 1;
    }

    private static int BackToWordEnd(string body, int start, int end)
    {
        var space = body.AsSpan(start, end - start).LastIndexOfAny(' ', '\n', '\t');
        return space <= 0 ? end : start + space;
    }
}

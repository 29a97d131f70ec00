using System.Text.RegularExpressions;
using Pipeline.Contracts;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Quotations in double quotes and who said them. The speaker comes from an attribution after the quote
/// (<c>kata Stoltenberg</c>, <c>Smith said</c>), a pronoun attribution (<c>ucapnya</c>, <c>he said</c>) that points
/// back to the last speaker, or a lead-in ending in a colon. Short quoted phrases inside narration
/// (scare quotes such as <c>"pesan yang jelas"</c>) are not quotations.
/// </summary>
internal static partial class QuoteFinder
{
    private const int MinWordsWithoutAttribution = 8;

    public static List<Quote> Find(string body, List<Entity> entities)
    {
        var quotes = new List<Quote>();
        string? lastSpeaker = null;
        var lastQuoteParagraph = -1;
        foreach (var (open, close) in QuotePairs(body))
        {
            var paragraphStart = body.LastIndexOf('\n', Math.Max(0, open - 1)) + 1;
            var innerStart = open + 1;
            var innerEnd = close;
            // The comma before the attribution belongs to the sentence around the quote, not to the quote.
            while (innerEnd > innerStart && (body[innerEnd - 1] is ',' || char.IsWhiteSpace(body[innerEnd - 1])))
                innerEnd--;
            var innerLength = innerEnd - innerStart;
            if (innerLength <= 0)
                continue;
            var after = body.AsSpan(close + 1, Math.Min(120, body.Length - close - 1));
            var speaker = SpeakerAfter(close + 1, after, entities, LastPersonBefore(paragraphStart, open, entities) ?? lastSpeaker, out var attributed);
            if (!attributed)
            {
                var leadIn = LeadInSpeaker(body, open, entities);
                if (leadIn is not null)
                {
                    speaker = leadIn;
                    attributed = true;
                }
            }
            var words = TextSpans.CountWords(body.AsSpan(innerStart, innerLength));
            var opensParagraph = open == 0 || body[open - 1] == '\n';
            // A second quote in the paragraph of an attributed one continues the same speaker.
            if (!attributed && lastQuoteParagraph == paragraphStart && words >= 3)
            {
                speaker = lastSpeaker;
                attributed = true;
            }
            if (!attributed && (words < MinWordsWithoutAttribution || !opensParagraph))
                continue;
            if (words < 2)
                continue;
            if (speaker is not null)
                lastSpeaker = speaker;
            lastQuoteParagraph = paragraphStart;
            quotes.Add(new Quote(body.Substring(innerStart, innerLength), speaker, innerStart, innerLength));
        }
        return quotes;
    }

    /// <summary>Pairs of double quotes within one paragraph: curly “ ” and straight " alternate as open and close.</summary>
    private static IEnumerable<(int Open, int Close)> QuotePairs(string body)
    {
        var open = -1;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\n')
            {
                open = -1;
                continue;
            }
            if (c == '“' || (c == '"' && open < 0))
            {
                open = i;
            }
            else if ((c == '”' || c == '"') && open >= 0)
            {
                yield return (open, i);
                open = -1;
            }
        }
    }

    /// <param name="pronounReferent">Who "he said" / "ucapnya" points to: the last person named earlier in the paragraph, else the last speaker.</param>
    private static string? SpeakerAfter(int offset, ReadOnlySpan<char> after, List<Entity> entities,
        string? pronounReferent, out bool attributed)
    {
        attributed = false;
        // Matching on the span costs no string; only a named speaker, whose group is needed, is matched on one.
        if (PronounAttribution().IsMatch(after))
        {
            attributed = true;
            return pronounReferent;
        }
        if (!NamedAttribution().IsMatch(after))
            return null;
        attributed = true;
        var name = NamedAttribution().Match(after.ToString()).Groups["name"];
        return Resolve(offset + name.Index, name.Value, entities);
    }

    /// <summary>"Stoltenberg said: “...”": the last person named in the sentence before the quote, when it ends in a colon.</summary>
    private static string? LeadInSpeaker(string body, int open, List<Entity> entities)
    {
        var j = open - 1;
        while (j >= 0 && body[j] == ' ')
            j--;
        if (j < 0 || body[j] is not (':' or ','))
            return null;
        return LastPersonBefore(body.LastIndexOf('\n', j) + 1, j, entities);
    }

    private static string? LastPersonBefore(int from, int before, List<Entity> entities)
    {
        string? best = null;
        var bestStart = -1;
        foreach (var entity in entities)
        {
            if (entity.Type != EntityTypes.Person)
                continue;
            foreach (var m in entity.Mentions)
            {
                if (m.Start >= from && m.Start < before && m.Start > bestStart)
                    (best, bestStart) = (entity.Name, m.Start);
            }
        }
        return best;
    }

    /// <summary>The merged name of the person mentioned within the attribution ("Wali Kota Makassar Ahmad Fauzi" names Ahmad Fauzi), else the text itself.</summary>
    private static string Resolve(int start, string text, List<Entity> entities)
    {
        string? other = null;
        foreach (var entity in entities)
        {
            foreach (var m in entity.Mentions)
            {
                if (m.Start >= start + text.Length || start >= m.Start + m.Length)
                    continue;
                if (entity.Type == EntityTypes.Person)
                    return entity.Name;
                other ??= entity.Name;
            }
        }
        return other ?? text;
    }

    private const string SaidWords = "kata|ujar|ucap|ungkap|jelas|tutur|tegas|imbuh|tambah|sebut|lanjut|terang|papar|pungkas";
    private const string Titles = @"(?:(?:PM|Presiden|Menteri|Perdana Menteri|Gubernur|Bupati|Wali Kota|Ketua|Direktur|Kepala|Pak|Bu|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|President|Prime Minister|Minister|Secretary|Governor|Mayor)\s+)*";

    [GeneratedRegex(@"^\s*,?\s*(?:(?:" + SaidWords + @")(?:nya)|(?:he|she|they)\s+(?:said|says|added|told|explained|wrote)|(?:said|says|added)\s+(?:he|she)|dia\s+(?:menambahkan|mengatakan|menjelaskan)|ia\s+(?:menambahkan|mengatakan|menjelaskan))\b", RegexOptions.CultureInvariant)]
    private static partial Regex PronounAttribution();

    [GeneratedRegex(@"^\s*,?\s*(?:(?:" + SaidWords + @"|said|says|added|told|explained|wrote|asked)\s+" + Titles + @"(?<name>\p{Lu}[\p{L}'\-]+(?:\s+\p{Lu}[\p{L}'\-]+){0,3})|(?<name>\p{Lu}[\p{L}'\-]+(?:\s+\p{Lu}[\p{L}'\-]+){0,3})\s+(?:said|says|added|told|explained|wrote|mengatakan|menambahkan|menegaskan|menjelaskan))", RegexOptions.CultureInvariant)]
    private static partial Regex NamedAttribution();
}

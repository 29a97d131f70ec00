using System.Runtime.InteropServices;
using Pipeline.Contracts;
using Pipeline.Ner;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Finds entities with the rules and, when one is registered, the trained tagger. With a tagger, its spans are the
/// entities: measured through <c>pipeline extract</c> on the NER dev sets, letting the capitalisation rules override
/// or add to them cost 10 to 20 points of F1 (they type every capitalised run, split names at gazetteer words and
/// cannot tell "Bursa Efek Indonesia" from "Indonesia"). The rules add only what they know for certain: exact names of
/// the place and organisation gazetteers that do not cut into a tagged name, and lone surnames of people the tagger
/// named in full.
/// </summary>
internal sealed class EntityEnricher(IEntityTagger? tagger)
{
    public List<Entity> Find(string body, List<TextSpan> sentences)
    {
        // A news article has dozens of mentions: start big enough that the lists rarely grow.
        var rules = new List<EntityMention>(64);
        RuleEntityFinder.Find(body, sentences, rules);
        if (tagger is null)
            return EntityMerger.Merge(body, rules);

        var merged = Tag(body, sentences);
        var fullNames = PersonNameWords(body, merged);
        foreach (var r in rules)
        {
            if (IsGazetteerName(body, r))
                AddGazetteerName(r, merged);
            else if (r.Type is EntityTypes.Person or EntityMerger.Unknown && fullNames.Contains(body.Substring(r.Start, r.Length)) && !Overlaps(r, merged))
                merged.Add(r);
        }
        return EntityMerger.Merge(body, merged);
    }

    /// <summary>
    /// A known name the tagger did not touch is added; one that covers what the tagger found and more ("Amerika" tagged
    /// in "Amerika Serikat") replaces it; one inside a longer tagged name ("Indonesia" in "Bursa Efek Indonesia") is not used.
    /// </summary>
    private static void AddGazetteerName(EntityMention name, List<EntityMention> mentions)
    {
        foreach (var m in mentions)
        {
            if (name.Start < m.End && m.Start < name.End && (m.Start < name.Start || m.End > name.End))
                return;
        }
        // By hand rather than RemoveAll: a lambda capturing the name would be allocated for every gazetteer name.
        var kept = 0;
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Start < name.Start || m.End > name.End)
                mentions[kept++] = m;
        }
        mentions.RemoveRange(kept, mentions.Count - kept);
        mentions.Add(name);
    }

    /// <summary>First and last words of the full names of people the tagger found: a lone "Stoltenberg" or "PM Orban"
    /// the tagger missed at the start of a sentence or after a title is taken from the rules and joins that person.</summary>
    private static HashSet<string> PersonNameWords(string body, List<EntityMention> mentions)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Type != EntityTypes.Person)
                continue;
            var text = body.AsSpan(m.Start, m.Length);
            var first = text.IndexOf(' ');
            if (first <= 0)
                continue;
            words.Add(text[..first].ToString());
            words.Add(text[(text.LastIndexOf(' ') + 1)..].ToString());
        }
        return words;
    }

    /// <summary>Tags each sentence in the tokens the model was trained on and maps the spans back to body offsets.</summary>
    private List<EntityMention> Tag(string body, List<TextSpan> sentences)
    {
        var found = new List<EntityMention>(64);
        var tokens = new List<TokenSpan>(64);
        var tagged = new List<TaggedSpan>();
        foreach (var sentence in sentences)
        {
            tokens.Clear();
            TaggerTokens.Split(body, sentence.Start, sentence.End, tokens);
            tagged.Clear();
            tagger!.Tag(body, CollectionsMarshal.AsSpan(tokens), tagged);
            foreach (var span in tagged)
            {
                if (span.TokenCount <= 0 || span.StartToken < 0 || span.StartToken + span.TokenCount > tokens.Count)
                    continue;
                if (TrimmedMention(body, tokens, span) is { } mention)
                    AddKnownParts(body, mention, found);
            }
        }
        return found;
    }

    /// <summary>
    /// Where the gazetteer knows better than the tagger: an exact place or organisation name keeps its known type,
    /// two known names joined by a hyphen ("NATO-Ukraina") are two mentions, and a known place or organisation
    /// heading a person span ("Hongaria Viktor Orban", left by "Perdana Menteri Hongaria Viktor Orban") is cut off.
    /// </summary>
    private static void AddKnownParts(string body, EntityMention mention, List<EntityMention> found)
    {
        var text = body.AsSpan(mention.Start, mention.Length);
        if (KnownType(text) is { } known)
        {
            found.Add(mention with { Type = known });
            return;
        }
        if (!text.Contains(' ') && text.Contains('-') && RuleEntityFinder.SplitHyphenated(body, new TextSpan(mention.Start, mention.Length), found))
            return;
        if (mention.Type == EntityTypes.Person)
        {
            var space = text.IndexOf(' ');
            if (space > 0 && text[(space + 1)..].Contains(' ') && KnownType(text[..space]) is { } headType)
            {
                found.Add(new EntityMention(mention.Start, space, headType));
                found.Add(new EntityMention(mention.Start + space + 1, mention.Length - space - 1, EntityTypes.Person));
                return;
            }
        }
        found.Add(mention);
    }

    private static string? KnownType(ReadOnlySpan<char> text) =>
        Gazetteer.Locations.Has(text) ? EntityTypes.Location
        : Gazetteer.Organizations.Has(text) ? EntityTypes.Organization
        : null;

    /// <summary>A span that opens or closes on a bracket or quote ("( Jokowi", "Harja Utama )") keeps only the name inside.</summary>
    private static EntityMention? TrimmedMention(string body, List<TokenSpan> spans, TaggedSpan span)
    {
        var first = span.StartToken;
        var last = span.StartToken + span.TokenCount - 1;
        while (first <= last && !HasLetterOrDigit(body, spans[first]))
            first++;
        while (last >= first && !HasLetterOrDigit(body, spans[last]))
            last--;
        if (first > last)
            return null;
        var start = spans[first].Start;
        return new EntityMention(start, spans[last].End - start, span.Type);
    }

    private static bool HasLetterOrDigit(string body, TokenSpan token)
    {
        foreach (var c in body.AsSpan(token.Start, token.Length))
        {
            if (char.IsLetterOrDigit(c))
                return true;
        }
        return false;
    }

    private static bool IsGazetteerName(string body, EntityMention mention)
    {
        if (mention.Type == EntityMerger.Unknown)
            return false;
        var text = body.AsSpan(mention.Start, mention.Length);
        return Gazetteer.Locations.Has(text) || Gazetteer.Organizations.Has(text);
    }

    private static bool Overlaps(EntityMention m, List<EntityMention> others)
    {
        foreach (var o in others)
        {
            if (m.Start < o.End && o.Start < m.End)
                return true;
        }
        return false;
    }
}

using Pipeline.Contracts;
using Pipeline.Ner;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Finds entities with the rules and, when one is registered, the trained tagger. With a tagger, its spans are the
/// entities: measured through <c>pipeline extract</c> on the NER dev sets, letting the capitalisation rules override
/// or add to them cost 10 to 20 points of F1 (they type every capitalised run, split names at gazetteer words and
/// cannot tell "Bursa Efek Indonesia" from "Indonesia"). The rules add only what they know for certain and the
/// tagger left untouched: exact names of the place and organisation gazetteers.
/// </summary>
internal sealed class EntityEnricher(IEntityTagger? tagger)
{
    public List<Entity> Find(string body, List<TextSpan> sentences)
    {
        var rules = new List<EntityMention>();
        RuleEntityFinder.Find(body, sentences, rules);
        if (tagger is null)
            return EntityMerger.Merge(body, rules);

        var merged = Tag(body, sentences);
        var taggedCount = merged.Count;
        foreach (var r in rules)
        {
            if (IsGazetteerName(body, r) && !Overlaps(r, merged, taggedCount))
                merged.Add(r);
        }
        return EntityMerger.Merge(body, merged);
    }

    /// <summary>Tags each sentence in the tokens the model was trained on and maps the spans back to body offsets.</summary>
    private List<EntityMention> Tag(string body, List<TextSpan> sentences)
    {
        var found = new List<EntityMention>();
        var tokens = new List<string>(64);
        var spans = new List<TextSpan>(64);
        foreach (var sentence in sentences)
        {
            spans.Clear();
            TaggerTokens.Split(body, sentence.Start, sentence.End, spans);
            tokens.Clear();
            foreach (var s in spans)
                tokens.Add(body.Substring(s.Start, s.Length));
            foreach (var span in tagger!.Tag(tokens))
            {
                if (span.TokenCount <= 0 || span.StartToken < 0 || span.StartToken + span.TokenCount > spans.Count)
                    continue;
                if (TrimmedMention(body, spans, span) is { } mention)
                    found.Add(mention);
            }
        }
        return found;
    }

    /// <summary>A span that opens or closes on a bracket or quote ("( Jokowi", "Harja Utama )") keeps only the name inside.</summary>
    private static EntityMention? TrimmedMention(string body, List<TextSpan> spans, TaggedSpan span)
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

    private static bool HasLetterOrDigit(string body, TextSpan token)
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

    private static bool Overlaps(EntityMention m, List<EntityMention> others, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var o = others[i];
            if (m.Start < o.End && o.Start < m.End)
                return true;
        }
        return false;
    }
}

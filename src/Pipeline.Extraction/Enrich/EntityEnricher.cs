using Pipeline.Contracts;
using Pipeline.Ner;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Finds entities with the rules and, when one is registered, the trained tagger. Where both name overlapping
/// text the tagger's span wins (it has seen context the rules cannot), except for exact gazetteer names,
/// which the rules know for certain; the rules fill in what the tagger missed.
/// </summary>
internal sealed class EntityEnricher(IEntityTagger? tagger)
{
    public List<Entity> Find(string body, List<TextSpan> sentences)
    {
        var rules = new List<EntityMention>();
        RuleEntityFinder.Find(body, sentences, rules);
        if (tagger is null)
            return EntityMerger.Merge(body, rules);

        var tagged = Tag(body, sentences);
        var merged = new List<EntityMention>(tagged.Count + rules.Count);
        foreach (var t in tagged)
        {
            if (!OverlapsGazetteerName(body, t, rules))
                merged.Add(t);
        }
        foreach (var r in rules)
        {
            if (!Overlaps(r, merged))
                merged.Add(r);
        }
        return EntityMerger.Merge(body, merged);
    }

    private List<EntityMention> Tag(string body, List<TextSpan> sentences)
    {
        var found = new List<EntityMention>();
        var tokens = new List<string>(64);
        foreach (var sentence in sentences)
        {
            var words = TextSpans.Words(body, sentence.Start, sentence.End);
            tokens.Clear();
            foreach (var w in words)
                tokens.Add(body.Substring(w.Start, w.Length));
            foreach (var span in tagger!.Tag(tokens))
            {
                if (span.TokenCount <= 0 || span.StartToken < 0 || span.StartToken + span.TokenCount > words.Count)
                    continue;
                var start = words[span.StartToken].Start;
                var end = words[span.StartToken + span.TokenCount - 1].End;
                found.Add(new EntityMention(start, end - start, span.Type));
            }
        }
        return found;
    }

    private static bool OverlapsGazetteerName(string body, EntityMention tagged, List<EntityMention> rules)
    {
        foreach (var r in rules)
        {
            if (r.Start < tagged.End && tagged.Start < r.End && r.Type != EntityMerger.Unknown)
            {
                var text = body.Substring(r.Start, r.Length);
                if (Gazetteer.Locations.Contains(text) || Gazetteer.Organizations.Contains(text))
                    return true;
            }
        }
        return false;
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

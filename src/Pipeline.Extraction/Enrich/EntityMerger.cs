using Pipeline.Contracts;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Turns mentions into entities: a surname or first name alone ("Stoltenberg", "PM Orban" after its title was
/// stripped) joins the full name it belongs to ("Jens Stoltenberg", "Viktor Orban"); the same text keeps one type,
/// the one most of its mentions got; mentions of unknown type survive only by joining a known person. A lone word that
/// is a known place or organisation never joins a person.
/// </summary>
internal static class EntityMerger
{
    public const string Unknown = "Unknown";

    public static List<Entity> Merge(string body, List<EntityMention> mentions)
    {
        mentions.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var fullNames = new List<string>();
        foreach (var m in mentions)
        {
            if (m.Type == EntityTypes.Person && body.AsSpan(m.Start, m.Length).Contains(' ') && !fullNames.Contains(Text(body, m)))
                fullNames.Add(Text(body, m));
        }

        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var m in mentions)
        {
            var text = Text(body, m);
            var type = m.Type;
            var name = text;
            // A tagger may type a lone surname by its context ("Stoltenberg" as a place after "di"); once the article
            // has named the person in full, the surname is that person unless it is itself a known place or organisation.
            if (!text.Contains(' ', StringComparison.Ordinal) && !IsGazetteerName(text) && FullNameOf(text, fullNames) is { } full)
            {
                name = full;
                type = EntityTypes.Person;
            }
            if (type == Unknown)
                continue;
            if (!groups.TryGetValue(name, out var group))
            {
                group = new Group();
                groups[name] = group;
                order.Add(name);
            }
            group.Add(new Mention(text, m.Start, m.Length), type);
        }

        var entities = new List<Entity>(order.Count);
        foreach (var name in order)
        {
            var group = groups[name];
            entities.Add(new Entity(name, group.MajorityType(), group.Mentions));
        }
        return entities;
    }

    /// <summary>The one full name whose first or last word is this token; null when none or several fit.</summary>
    private static string? FullNameOf(string token, List<string> fullNames)
    {
        string? found = null;
        foreach (var full in fullNames)
        {
            var firstSpace = full.IndexOf(' ', StringComparison.Ordinal);
            var lastSpace = full.LastIndexOf(' ');
            var matches = full.AsSpan(lastSpace + 1).SequenceEqual(token) || full.AsSpan(0, firstSpace).SequenceEqual(token);
            if (!matches)
                continue;
            if (found is not null && found != full)
                return null;
            found = full;
        }
        return found;
    }

    private static bool IsGazetteerName(string text) => Gazetteer.Locations.Contains(text) || Gazetteer.Organizations.Contains(text);

    private static string Text(string body, EntityMention m) => body.Substring(m.Start, m.Length);

    private sealed class Group
    {
        private readonly Dictionary<string, int> _typeVotes = new(StringComparer.Ordinal);

        public List<Mention> Mentions { get; } = [];

        public void Add(Mention mention, string type)
        {
            Mentions.Add(mention);
            _typeVotes[type] = _typeVotes.GetValueOrDefault(type) + 1;
        }

        public string MajorityType()
        {
            var best = EntityTypes.Person;
            var votes = -1;
            foreach (var (type, count) in _typeVotes)
            {
                if (count > votes)
                    (best, votes) = (type, count);
            }
            return best;
        }
    }
}

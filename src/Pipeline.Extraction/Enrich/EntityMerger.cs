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
            var text = body.AsSpan(m.Start, m.Length);
            if (m.Type == EntityTypes.Person && text.Contains(' ') && !Contains(fullNames, text))
                fullNames.Add(text.ToString());
        }

        // Groups are found by the mention's text without copying it; a mention whose text is its entity's name (most
        // of them) shares the name's string.
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var groupsByText = groups.GetAlternateLookup<ReadOnlySpan<char>>();
        var order = new List<Group>();
        foreach (var m in mentions)
        {
            var text = body.AsSpan(m.Start, m.Length);
            var type = m.Type;
            string? fullName = null;
            // A tagger may type a lone surname by its context ("Stoltenberg" as a place after "di"); once the article
            // has named the person in full, the surname is that person unless it is itself a known place or organisation.
            if (!text.Contains(' ') && !IsGazetteerName(text) && FullNameOf(text, fullNames) is { } full)
            {
                fullName = full;
                type = EntityTypes.Person;
            }
            if (type == Unknown)
                continue;
            if (!(fullName is null ? groupsByText.TryGetValue(text, out var group) : groups.TryGetValue(fullName, out group)))
            {
                group = new Group(fullName ?? text.ToString());
                groups[group.Name] = group;
                order.Add(group);
            }
            var mentionText = text.SequenceEqual(group.Name) ? group.Name : text.ToString();
            group.Add(new Mention(mentionText, m.Start, m.Length), type);
        }

        var entities = new List<Entity>(order.Count);
        foreach (var group in order)
            entities.Add(new Entity(group.Name, group.MajorityType(), group.Mentions));
        return entities;
    }

    private static bool Contains(List<string> names, ReadOnlySpan<char> text)
    {
        foreach (var name in names)
        {
            if (text.SequenceEqual(name))
                return true;
        }
        return false;
    }

    /// <summary>The one full name whose first or last word is this token; null when none or several fit.</summary>
    private static string? FullNameOf(ReadOnlySpan<char> token, List<string> fullNames)
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

    private static bool IsGazetteerName(ReadOnlySpan<char> text) => Gazetteer.Locations.Has(text) || Gazetteer.Organizations.Has(text);

    private sealed class Group(string name)
    {
        // Votes in the order types were first seen, so a tie goes to the earliest, as it always has.
        private readonly List<(string Type, int Count)> _typeVotes = new(2);

        public string Name { get; } = name;

        public List<Mention> Mentions { get; } = [];

        public void Add(Mention mention, string type)
        {
            Mentions.Add(mention);
            for (var i = 0; i < _typeVotes.Count; i++)
            {
                if (_typeVotes[i].Type == type)
                {
                    _typeVotes[i] = (type, _typeVotes[i].Count + 1);
                    return;
                }
            }
            _typeVotes.Add((type, 1));
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

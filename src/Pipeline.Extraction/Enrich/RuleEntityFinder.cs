using System.Collections.Frozen;
using Pipeline.Contracts;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Finds names by capitalisation and context: runs of capitalised words are split at known names and titles, then
/// typed by the gazetteer, by the words around them (<c>Presiden</c>, <c>Partai</c>, <c>di</c>, <c>kata</c>), by
/// shape (acronyms are organisations), and by default multi-word names are people.
/// </summary>
internal static class RuleEntityFinder
{
    private const int MaxGazetteerTokens = 4;

    private static readonly FrozenSet<string> NotNames = FrozenSet.ToFrozenSet(
    [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
        "September", "Oktober", "November", "Desember", "January", "February", "March", "June", "July", "August",
        "October", "December", "May", "April", "August", "Rp", "WIB", "WITA", "WIT", "GMT", "UTC", "Tuhan", "Allah", "Idul", "Fitri", "Lebaran",
        "Ramadan", "Ramadhan", "COVID", "Covid", "I", "The", "A", "An", "In", "On", "At", "But", "And", "Or", "It", "He",
        "She", "We", "They", "This", "That", "These", "Those", "His", "Her", "Their", "Our", "Its", "If", "When", "As",
        "After", "Before", "While", "Since", "For", "From", "With", "By", "To", "Of", "Mr", "Mrs", "Ms", "Dr",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> SaidVerbs = FrozenSet.ToFrozenSet(
    [
        "mengatakan", "menyatakan", "menjelaskan", "menegaskan", "mengungkapkan", "menuturkan", "menyebutkan",
        "berkata", "kata", "ujar", "ucap", "tutur", "said", "says", "told", "added", "stated", "announced",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> LocationPrepositions = FrozenSet.ToFrozenSet(
        ["di", "ke", "in", "at", "near", "to"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> NameConnectors = FrozenSet.ToFrozenSet(
        ["bin", "binti", "van", "von", "der", "den", "de", "da", "al", "el", "bin.", "of"], StringComparer.Ordinal);

    public static void Find(string body, List<TextSpan> sentences, List<EntityMention> output)
    {
        var words = new List<TextSpan>(64);
        foreach (var sentence in sentences)
        {
            words.Clear();
            TextSpans.Words(body, sentence.Start, sentence.End, words);
            FindInSentence(body, words, output);
        }
    }

    private static void FindInSentence(string body, List<TextSpan> words, List<EntityMention> output)
    {
        var i = 0;
        while (i < words.Count)
        {
            if (!IsCapitalised(body, words[i]))
            {
                i++;
                continue;
            }
            var runStart = i;
            var runEnd = i + 1;
            while (runEnd < words.Count && OnlySpacesBetween(body, words[runEnd - 1], words[runEnd])
                   && (IsCapitalised(body, words[runEnd]) || IsConnectorInsideName(body, words, runEnd)))
                runEnd++;
            SplitRun(body, words, runStart, runEnd, output);
            i = runEnd;
        }
    }

    private static void SplitRun(string body, List<TextSpan> words, int start, int end, List<EntityMention> output)
    {
        var personCue = start > 0 && Gazetteer.PersonCues.Has(body, words[start - 1]);
        var i = start;

        // The first word of a sentence is capitalised anyway: drop it unless it is a known name or a title. Alone,
        // it stays as a mention of unknown type, which survives only if it is part of a person's name ("Stoltenberg").
        if (start == 0)
        {
            var first = Word(body, words[0]);
            if (!Gazetteer.Locations.Has(first) && !Gazetteer.Organizations.Has(first) && !Gazetteer.People.Has(first)
                && !Gazetteer.PersonCues.Has(first) && !Gazetteer.OrganizationHeads.Has(first)
                && !Gazetteer.LocationCues.Has(first))
            {
                if (IsLowerCasedStopWord(first) || NotNames.Has(first))
                {
                    i++;
                }
                else if (end - start == 1)
                {
                    Emit(body, words, 0, 1, EntityMerger.Unknown, output);
                    return;
                }
            }
        }

        var chunkStart = -1;
        var previousWasCue = personCue;
        while (i < end)
        {
            var token = Word(body, words[i]);
            var isCue = Gazetteer.PersonCues.Has(token) || (previousWasCue && Gazetteer.TitleQualifiers.Has(token));
            previousWasCue = false;
            if (isCue && i + 1 < end)
            {
                Flush(body, words, ref chunkStart, i, personCue, output);
                personCue = true;
                previousWasCue = true;
                i++;
                continue;
            }
            if (Gazetteer.OrganizationHeads.Has(token) && i + 1 < end)
            {
                // A fragment before the head ("Perkeretaapian" in "Dirjen Perkeretaapian Kementerian X") is not a name of its own.
                Flush(body, words, ref chunkStart, i, personCue: false, output);
                var orgEnd = OrganizationEnd(body, words, i, end);
                EmitCarvingPerson(body, words, i, orgEnd, EntityTypes.Organization, personCue, output);
                personCue = false;
                i = orgEnd;
                continue;
            }
            if (Gazetteer.LocationCues.Has(token) && i + 1 < end && chunkStart < 0)
            {
                // "Port Authority of Singapore" names an organisation although it opens like a place.
                var type = ContainsOrganizationHead(body, words, i, end) ? EntityTypes.Organization : EntityTypes.Location;
                EmitCarvingPerson(body, words, i, end, type, personCue, output);
                return;
            }
            var known = LongestGazetteerMatch(body, words, i, end, out var knownType);
            if (known > 0 && knownType == EntityTypes.Person)
            {
                // A well-known person's name is the core of the name around it: "Joe Biden", "Prabowo Subianto".
                if (chunkStart < 0)
                    chunkStart = i;
                personCue = true;
                i += known;
                continue;
            }
            if (known > 0)
            {
                Flush(body, words, ref chunkStart, i, personCue, output);
                Emit(body, words, i, i + known, knownType!, output);
                personCue = personCue && knownType == EntityTypes.Organization;
                i += known;
                continue;
            }
            if (NotNames.Has(token) || token.Contains('-') && SplitHyphenated(body, words[i], output))
            {
                Flush(body, words, ref chunkStart, i, personCue, output);
                i++;
                continue;
            }
            if (chunkStart < 0)
                chunkStart = i;
            i++;
        }
        Flush(body, words, ref chunkStart, end, personCue, output);
    }

    private static void Flush(string body, List<TextSpan> words, ref int chunkStart, int chunkEnd, bool personCue, List<EntityMention> output)
    {
        if (chunkStart < 0)
            return;
        var start = chunkStart;
        chunkStart = -1;
        while (chunkEnd > start && NameConnectors.Has(body, words[chunkEnd - 1]))
            chunkEnd--;
        if (chunkEnd <= start)
            return;
        var type = Classify(body, words, start, chunkEnd, personCue);
        if (type is not null)
            Emit(body, words, start, chunkEnd, type, output);
    }

    /// <summary>
    /// "Ketua KPU Kota Bandung Wahyu Hidayat": after a title, a long organisation or place name usually ends in the
    /// person's two-word name, which is carved off as the person.
    /// </summary>
    private static void EmitCarvingPerson(string body, List<TextSpan> words, int start, int end, string type, bool personCue, List<EntityMention> output)
    {
        if (personCue && end - start >= 4 && IsPlainNameWord(body, words[end - 1]) && IsPlainNameWord(body, words[end - 2]))
        {
            Emit(body, words, start, end - 2, type, output);
            Emit(body, words, end - 2, end, EntityTypes.Person, output);
            return;
        }
        Emit(body, words, start, end, type, output);
    }

    private static bool IsPlainNameWord(string body, TextSpan word)
    {
        var text = Word(body, word);
        return !IsAcronym(text) && !Gazetteer.Locations.Has(text) && !Gazetteer.Organizations.Has(text)
            && !Gazetteer.OrganizationHeads.Has(text) && !Gazetteer.LocationSuffixes.Has(text);
    }

    private static string? Classify(string body, List<TextSpan> words, int start, int end, bool personCue)
    {
        var count = end - start;
        var first = Word(body, words[start]);
        if (personCue)
            return EntityTypes.Person;
        if (count == 1 && Gazetteer.CommonAcronyms.Has(first))
            return null;
        if (count == 1 && IsAcronym(first))
            return first.Length >= 2 ? EntityTypes.Organization : null;
        var lastWord = Word(body, words[end - 1]);
        if (Gazetteer.OrganizationHeads.Has(lastWord))
            return count == 1 ? null : EntityTypes.Organization;
        if (Gazetteer.LocationSuffixes.Has(lastWord) && count > 1)
            return EntityTypes.Location;
        if (start > 0 && LocationPrepositions.Has(body, words[start - 1]))
            return EntityTypes.Location;
        if (end < words.Count && SaidVerbs.Has(body, words[end]))
            return EntityTypes.Person;
        if (start > 0 && SaidVerbs.Has(body, words[start - 1]))
            return EntityTypes.Person;
        return count >= 2 ? EntityTypes.Person : EntityMerger.Unknown;
    }

    private static int OrganizationEnd(string body, List<TextSpan> words, int start, int end)
    {
        // "Partai Demokrat", "Kementerian Luar Negeri", "Universitas Indonesia": the head takes the rest of the run,
        // but a person after a title inside the run ("Menteri Luar Negeri Retno Marsudi") is left out by the cue check.
        for (var i = start + 1; i < end; i++)
        {
            var token = Word(body, words[i]);
            if (Gazetteer.PersonCues.Has(token) && !Gazetteer.OrganizationHeads.Has(token))
                return i;
        }
        return end;
    }

    private static bool ContainsOrganizationHead(string body, List<TextSpan> words, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (Gazetteer.OrganizationHeads.Has(body, words[i]))
                return true;
        }
        return false;
    }

    private static int LongestGazetteerMatch(string body, List<TextSpan> words, int start, int end, out string? type)
    {
        type = null;
        for (var n = Math.Min(MaxGazetteerTokens, end - start); n >= 1; n--)
        {
            var span = body.AsSpan(words[start].Start, words[start + n - 1].End - words[start].Start);
            if (!IsSingleSpaced(span))
                continue;
            if (Gazetteer.Locations.Has(span))
            {
                type = EntityTypes.Location;
                return n;
            }
            if (Gazetteer.Organizations.Has(span))
            {
                type = EntityTypes.Organization;
                return n;
            }
            if (Gazetteer.People.Has(span))
            {
                type = EntityTypes.Person;
                return n;
            }
        }
        return 0;
    }

    /// <summary>"NATO-Ukraina" names two things; each known part becomes its own mention.</summary>
    public static bool SplitHyphenated(string body, TextSpan word, List<EntityMention> output)
    {
        var text = body.AsSpan(word.Start, word.Length);
        var dash = text.IndexOf('-');
        if (dash <= 0 || dash == text.Length - 1)
            return false;
        var left = text[..dash];
        var right = text[(dash + 1)..];
        var leftType = KnownType(left);
        var rightType = KnownType(right);
        if (leftType is null || rightType is null)
            return false;
        output.Add(new EntityMention(word.Start, dash, leftType));
        output.Add(new EntityMention(word.Start + dash + 1, right.Length, rightType));
        return true;
    }

    private static string? KnownType(ReadOnlySpan<char> name) =>
        Gazetteer.Locations.Has(name) ? EntityTypes.Location
        : Gazetteer.Organizations.Has(name) ? EntityTypes.Organization
        : null;

    private static void Emit(string body, List<TextSpan> words, int start, int end, string type, List<EntityMention> output)
    {
        var s = words[start].Start;
        var e = words[end - 1].End;
        // "Singapore's port": the possessive ending is not part of the name.
        if (e - s > 2 && body[e - 1] == 's' && body[e - 2] is '\'' or '’')
            e -= 2;
        output.Add(new EntityMention(s, e - s, type));
    }

    private static bool IsCapitalised(string body, TextSpan word)
    {
        var c = body[word.Start];
        return char.IsUpper(c);
    }

    private static bool IsAcronym(ReadOnlySpan<char> token)
    {
        var letters = 0;
        foreach (var c in token)
        {
            if (char.IsLower(c))
                return false;
            if (char.IsLetter(c))
                letters++;
        }
        return letters >= 2;
    }

    private static bool IsConnectorInsideName(string body, List<TextSpan> words, int index) =>
        index + 1 < words.Count && NameConnectors.Has(body, words[index])
        && IsCapitalised(body, words[index + 1]) && OnlySpacesBetween(body, words[index], words[index + 1]);

    private static bool OnlySpacesBetween(string body, TextSpan left, TextSpan right)
    {
        for (var i = left.End; i < right.Start; i++)
        {
            if (body[i] != ' ')
                return false;
        }
        return right.Start - left.End <= 2;
    }

    private static bool IsSingleSpaced(ReadOnlySpan<char> span) => !span.Contains("  ", StringComparison.Ordinal);

    private static ReadOnlySpan<char> Word(string body, TextSpan word) => body.AsSpan(word.Start, word.Length);

    /// <summary>Lower-cases on the stack: this runs for the first word of every sentence.</summary>
    private static bool IsLowerCasedStopWord(ReadOnlySpan<char> word)
    {
        // No stop word is this long; the check spares a long first word a buffer.
        const int LongestStopWord = 32;
        if (word.Length > LongestStopWord)
            return false;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return StopWords.IsStopWord(lower);
    }
}

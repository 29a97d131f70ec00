using System.Globalization;
using System.Text;

namespace Pipeline.Benchmarking.Generation;

/// <summary>
/// Fills a lexicon's templates with choices from one seeded <see cref="Random"/>: the same seed gives the same
/// names, places, numbers and sentences, on every machine and .NET version (a seeded Random is stable).
/// </summary>
internal sealed class ProseComposer
{
    private readonly Random _random;
    private readonly Lexicon _lexicon;

    public ProseComposer(Random random, Lexicon lexicon)
    {
        _random = random;
        _lexicon = lexicon;
        Place = Pick(lexicon.Places);
        Subject = Pick(lexicon.Subjects);
        Organisation = Pick(lexicon.Organisations);
        Agency = Pick(lexicon.Agencies);
        Published = new DateOnly(2024, 1, 1).AddDays(random.Next(0, 730));
    }

    public Lexicon Lexicon => _lexicon;

    /// <summary>The place, subject and organisation the whole article is about, so it reads as one story.</summary>
    public string Place { get; }

    public string Subject { get; }

    public string Organisation { get; }

    public string Agency { get; }

    public DateOnly Published { get; }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public string Person() => $"{Pick(_lexicon.GivenNames)} {Pick(_lexicon.FamilyNames)}";

    public string Headline() => Fill(Pick(_lexicon.HeadlineTemplates));

    public string Lead() => Fill(Pick(_lexicon.LeadTemplates));

    public string Sentence() => Fill(Pick(_lexicon.SentenceTemplates));

    /// <summary>A paragraph of two to four sentences.</summary>
    public string Paragraph()
    {
        var builder = new StringBuilder();
        var sentences = Next(2, 5);
        for (var i = 0; i < sentences; i++)
        {
            if (i > 0) builder.Append(' ');
            builder.Append(Sentence());
        }

        return builder.ToString();
    }

    /// <summary>A quoted statement with its speaker, in the language's usual shape.</summary>
    public string QuotedParagraph()
    {
        var quote = Fill(Pick(_lexicon.QuoteTemplates));
        var speaker = Person();
        var verb = Pick(_lexicon.SpeechVerbs);
        return _lexicon.Language == "id"
            ? $"\"{quote},\" {verb} {speaker} di {Place}."
            : $"\"{quote},\" {speaker} {verb}.";
    }

    public string Fill(string template)
    {
        var builder = new StringBuilder(template.Length + 64);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                builder.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open);
            builder.Append(template, position, open - position);
            builder.Append(Slot(template.AsSpan(open + 1, close - open - 1)));
            position = close + 1;
        }

        return builder.ToString();
    }

    private string Slot(ReadOnlySpan<char> name) => name switch
    {
        "person" => Person(),
        "role" => Pick(_lexicon.Roles),
        "org" => Organisation,
        "place" => Place,
        "subject" => Subject,
        "Subject" => char.ToUpperInvariant(Subject[0]) + Subject[1..],
        "number" => Next(12, 980).ToString(CultureInfo.InvariantCulture),
        "percent" => Next(2, 40).ToString(CultureInfo.InvariantCulture),
        "day" => _lexicon.Days[(int)Published.DayOfWeek == 0 ? 6 : (int)Published.DayOfWeek - 1],
        _ => throw new InvalidOperationException($"Unknown template slot {{{name}}}."),
    };
}

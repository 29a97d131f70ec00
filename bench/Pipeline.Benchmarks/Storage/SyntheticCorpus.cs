using System.Text;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Benchmarks.Storage;

/// <summary>
/// Deterministic synthetic news: about 5 KB bodies of pseudo-words drawn with Zipf frequencies (as in real
/// text, a few words are everywhere and most are rare), half tagged English and half Indonesian, with
/// agencies, entities, sites and dates spread over three years. The same index always gives the same article.
/// </summary>
public static class SyntheticCorpus
{
    public const int BodyBytes = 5_000;
    private const int VocabularySize = 30_000;

    private static readonly string[] Syllables =
    [
        "ka", "ba", "ri", "to", "me", "lan", "su", "de", "pa", "ngi", "ro", "ta", "mu", "si", "ha", "ne", "ju", "wa",
        "po", "le", "ger", "dan", "sto", "ver", "mi", "cal", "tor", "pen", "kin", "ous", "al", "en", "ti", "ra",
    ];

    private static readonly string[] Vocabulary = BuildVocabulary();
    private static readonly double[] CumulativeZipf = BuildZipf();
    private static readonly string[] Agencies = ["ANTARA", "Reuters", "AP", "AFP", "Kompas", "Tempo", "Bernama", "Xinhua", "Kyodo", "DPA"];
    private static readonly string[] Sites = Enumerable.Range(0, 20).Select(i => $"Site {i}").ToArray();
    private static readonly string[] People = Enumerable.Range(0, 500).Select(i => $"{Capital(Vocabulary[500 + i])} {Capital(Vocabulary[1500 + i])}").ToArray();

    /// <summary>Words for two-word queries: ranks 200 to 4,000, each found in roughly 2% to 25% of articles.</summary>
    public static string QueryWord(Random random) => Vocabulary[random.Next(200, 4_000)];

    public static IEnumerable<StoredDocument> Generate(int start, int count)
    {
        for (var i = start; i < start + count; i++)
            yield return Create(i);
    }

    public static StoredDocument Create(int index)
    {
        var random = new Random(index);
        var title = Words(random, 8);
        var body = new StringBuilder(BodyBytes + 100);
        while (body.Length < BodyBytes)
        {
            body.Append(Capital(Words(random, random.Next(8, 20)))).Append(". ");
            if (random.Next(6) == 0)
                body.Append('\n');
        }

        var path = $"synthetic/{index:D7}.txt";
        var sha = DocumentIds.Sha256Hex(Encoding.UTF8.GetBytes($"{index}\n{title}\n{body}"));
        var published = new DateOnly(2022, 1, 1).AddDays(random.Next(3 * 365));
        var droppedAt = new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(12);
        var bodyText = body.ToString();
        var article = new Article
        {
            Source = new SourceFile(path, sha, "text/plain", bodyText.Length),
            Title = Capital(title),
            Body = bodyText,
            Language = index % 2 == 0 ? "en" : "id",
            PublishedAt = published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Sources = [Agencies[random.Next(Agencies.Length)]],
            SiteName = Sites[random.Next(Sites.Length)],
            Entities = Enumerable.Range(0, 3).Select(_ => new Entity(People[random.Next(People.Length)], EntityTypes.Person, [])).ToArray(),
            WordCount = bodyText.Length / 6,
        };
        return new StoredDocument
        {
            DocumentId = DocumentIds.FromSha256Hex(sha),
            CorrelationId = new Guid(random.GetItems<byte>([1, 2, 3, 4, 5, 6, 7, 8, 9], 16)),
            Article = article,
            DroppedAt = droppedAt,
            Stages = [new StageVisit(Stages.Extract, "bench", droppedAt, droppedAt.AddMilliseconds(20))],
        };
    }

    /// <summary>Two words and one filter, rotating between language, agency and a three-month range.</summary>
    public static SearchRequest Query(Random random)
    {
        var request = new SearchRequest($"{QueryWord(random)} {QueryWord(random)}");
        return (random.Next(3)) switch
        {
            0 => request with { Language = random.Next(2) == 0 ? "en" : "id" },
            1 => request with { Source = Agencies[random.Next(Agencies.Length)] },
            _ => request with { From = new DateOnly(2022, 1, 1).AddMonths(random.Next(33)), To = new DateOnly(2022, 1, 1).AddMonths(random.Next(33) + 3) },
        };
    }

    private static string Words(Random random, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                builder.Append(' ');
            builder.Append(Vocabulary[ZipfRank(random)]);
        }

        return builder.ToString();
    }

    private static int ZipfRank(Random random)
    {
        var index = Array.BinarySearch(CumulativeZipf, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, VocabularySize - 1);
    }

    private static string[] BuildVocabulary()
    {
        var random = new Random(42);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < VocabularySize)
        {
            var word = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            words.Add(word);
        }

        return [.. words];
    }

    private static double[] BuildZipf()
    {
        var cumulative = new double[VocabularySize];
        var sum = 0.0;
        for (var rank = 0; rank < VocabularySize; rank++)
        {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }

        for (var rank = 0; rank < VocabularySize; rank++)
            cumulative[rank] /= sum;
        return cumulative;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

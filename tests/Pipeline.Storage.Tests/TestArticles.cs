using System.Text;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Storage.Tests;

/// <summary>Articles written for these tests; ids follow from content the way ingest derives them.</summary>
internal static class TestArticles
{
    public static readonly DateTimeOffset BaseTime = new(2024, 7, 1, 8, 0, 0, TimeSpan.Zero);

    public static StoredDocument Create(
        string path,
        string title,
        string body,
        string? language = "en",
        string? publishedAt = null,
        string[]? sources = null,
        (string Name, string Type)[]? entities = null,
        string? site = null,
        DateTimeOffset? droppedAt = null)
    {
        var content = Encoding.UTF8.GetBytes($"{title}\n{body}");
        var sha = DocumentIds.Sha256Hex(content);
        var dropped = droppedAt ?? BaseTime;
        var article = new Article
        {
            Source = new SourceFile(path, sha, "text/plain", content.Length),
            Title = title,
            Body = body,
            Language = language,
            PublishedAt = publishedAt,
            Sources = sources ?? [],
            SiteName = site,
            Entities = (entities ?? []).Select(e => new Entity(e.Name, e.Type, MentionsOf(body, e.Name))).ToArray(),
            Quotes = [new Quote("a quoted line", "Someone", 0, 5)],
            Keywords = ["keyword"],
            Summary = title,
            Authors = ["Test Writer"],
            Dateline = "Jakarta",
            Description = "description",
            WordCount = body.Split(' ').Length,
        };
        return new StoredDocument
        {
            DocumentId = DocumentIds.FromSha256Hex(sha),
            CorrelationId = Guid.NewGuid(),
            Article = article,
            DroppedAt = dropped,
            Stages =
            [
                new StageVisit(Stages.Ingest, "ingest-1", dropped, dropped.AddMilliseconds(5)),
                new StageVisit(Stages.Extract, "extract-2", dropped.AddMilliseconds(6), dropped.AddMilliseconds(40)),
            ],
        };
    }

    private static Mention[] MentionsOf(string body, string name)
    {
        var at = body.IndexOf(name, StringComparison.Ordinal);
        return at < 0 ? [] : [new Mention(name, at, name.Length)];
    }

    /// <summary>A small mixed corpus for search, in English and Indonesian.</summary>
    public static IReadOnlyList<StoredDocument> Corpus { get; } =
    [
        Create("news/flood-jakarta.txt", "Flood waters rise in Jakarta",
            "Heavy rain flooded northern Jakarta on Monday. Residents were evacuated as rivers rose. The governor said the flood defences were running at capacity.",
            "en", "2024-01-15", ["ANTARA"], [("Jakarta", EntityTypes.Location), ("Heru Budi", EntityTypes.Person)], "Example News"),
        Create("news/budget.txt", "Parliament debates budget",
            "Members of parliament debated the national budget. The finance minister defended spending on flood defences and schools.",
            "en", "2024-02-03T10:30:00+07:00", ["Reuters"], [("Sri Mulyani", EntityTypes.Person)], "Other Daily"),
        Create("berita/perumahan.txt", "Pemerintah membangun perumahan rakyat",
            "Pemerintah provinsi membangun ribuan rumah untuk warga. Pembangunan perumahan itu selesai tahun depan, kata menteri.",
            "id", "2024-02-20", ["antara"], [("Jakarta", EntityTypes.Location)], "Example News"),
        Create("berita/banjir.txt", "Banjir melanda Jakarta Utara",
            "Banjir besar melanda Jakarta Utara setelah hujan deras. Warga mengungsi ke tempat yang lebih aman.",
            "id", "2024-03-05", ["Kompas"], [("Jakarta", EntityTypes.Location)]),
        Create("news/orban.txt", "Viktor Orban meets NATO leaders",
            "Hungarian prime minister Viktor Orban met NATO leaders in Brussels to discuss support for Ukraine.",
            "en", "2024-06-14", ["AP", "ANTARA"], [("Viktor Orban", EntityTypes.Person), ("NATO", EntityTypes.Organization), ("Brussels", EntityTypes.Location)]),
        Create("news/election-title.txt", "Election results announced",
            "Counting finished late at night and officials published the tally for every district.", "en", null),
        Create("news/election-body.txt", "Late night counting",
            "Officials said the election tally was published after counting finished in every district.", "en", null),
    ];

    public static Guid IdOf(string path) => Corpus.Single(d => d.Article.Source.Path == path).DocumentId;
}

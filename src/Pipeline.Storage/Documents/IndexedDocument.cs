using System.Globalization;
using Pipeline.Contracts;
using Pipeline.Storage.Text;

namespace Pipeline.Storage.Documents;

/// <summary>
/// A document prepared for either store: the packed article, the columns filters and facets use, and
/// the analysed title and body terms that the full-text index holds. Preparing it is the CPU work of
/// indexing and needs no connection, so it runs beside the writes (<see cref="PreparedSlices{T}"/>).
/// </summary>
public sealed class IndexedDocument
{
    private IndexedDocument(StoredDocument document)
    {
        Document = document;
    }

    public StoredDocument Document { get; }
    public required byte[] PackedArticle { get; init; }
    public required string StagesJson { get; init; }
    public required string? LanguageKey { get; init; }
    public required DateOnly? PublishedOn { get; init; }
    public required string? SiteKey { get; init; }
    public required IReadOnlyList<string> Sources { get; init; }
    public required IReadOnlyList<string> Entities { get; init; }
    public required List<string> TitleTerms { get; init; }
    public required List<string> BodyTerms { get; init; }

    public Article Article => Document.Article;

    public static IndexedDocument Prepare(StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var article = document.Article;
        var kind = TextAnalyzer.KindFor(article.Language);
        return new IndexedDocument(document)
        {
            PackedArticle = DocumentCodec.PackArticle(article),
            StagesJson = DocumentCodec.StagesToJson(document.Stages),
            LanguageKey = Key(article.Language),
            PublishedOn = ParsePublishedDay(article.PublishedAt),
            SiteKey = Key(article.SiteName),
            Sources = DistinctNames(article.Sources),
            Entities = DistinctNames(article.Entities.Select(entity => entity.Name)),
            TitleTerms = TextAnalyzer.Terms(article.Title, kind),
            BodyTerms = TextAnalyzer.Terms(article.Body, kind),
        };
    }

    /// <summary>How names are compared in filters: trimmed, case ignored.</summary>
    public static string? Key(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();

    /// <summary>The day of a "2024-06-14" or full ISO 8601 value; null when it is neither.</summary>
    public static DateOnly? ParsePublishedDay(string? publishedAt) =>
        publishedAt is { Length: >= 10 } &&
        DateOnly.TryParseExact(publishedAt.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static List<string> DistinctNames(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            // Control characters carry no meaning in a name and would break the stores' list encodings.
            var clean = (HasControlCharacter(name) ? string.Concat(name.Where(c => !char.IsControl(c))) : name).Trim();
            if (Key(clean) is { } key && seen.Add(key))
                result.Add(clean);
        }

        return result;
    }

    private static bool HasControlCharacter(string name)
    {
        foreach (var c in name)
        {
            if (char.IsControl(c))
                return true;
        }

        return false;
    }
}

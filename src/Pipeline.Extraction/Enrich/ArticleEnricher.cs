using Pipeline.Contracts;
using Pipeline.Extraction.Formats;
using Pipeline.Ner;

namespace Pipeline.Extraction.Enrich;

/// <summary>Turns what a format reader found into the finished <see cref="Article"/>: every field computed from the body.</summary>
internal sealed class ArticleEnricher(ExtractionOptions options, IEntityTagger? tagger)
{
    /// <summary>A word list grown past this by an unusually long article is let go rather than kept by its thread.</summary>
    private const int LargestKeptWordList = 64 * 1024;

    /// <summary>The body's words, a list kept per thread: it is only read while the article is enriched.</summary>
    [ThreadStatic]
    private static List<TextSpan>? _words;

    private readonly EntityEnricher _entities = new(tagger);

    public Article Enrich(ParsedDocument doc, SourceFile source, DateTimeOffset referenceDate)
    {
        var body = string.Join(Article.ParagraphSeparator, doc.Paragraphs);
        var words = _words ??= new List<TextSpan>(1024);
        words.Clear();
        TextSpans.Words(body, 0, body.Length, words);
        if (words.Capacity > LargestKeptWordList)
            _words = null;
        if (words.Count == 0)
        {
            throw new ExtractionRejectedException(
                $"The {Describe(doc.MediaType)} contains no article text once navigation and boilerplate are removed.",
                "Check that the file holds the article itself and not only a page frame or a list of links.");
        }
        var sentences = TextSpans.Sentences(body);
        var title = doc.Title?.Trim() is { Length: > 0 } t ? t : body[..sentences[0].End];

        // Entities come from the body alone: mention offsets index into it, and the names of a headline recur there.
        var entities = _entities.Find(body, sentences);
        AddDatelinePlace(doc.Dateline, entities);
        var keywords = KeywordExtractor.Extract(body, words, title, entities, options.KeywordCount);

        return new Article
        {
            Source = source with { MediaType = doc.MediaType },
            Title = title,
            Body = body,
            Language = NormaliseLanguage(doc.Language) ?? LanguageDetector.Detect(body, words),
            Dateline = doc.Dateline,
            PublishedAt = doc.PublishedAt ?? DateFinder.FindFirst(Lead(body, sentences), Reference(referenceDate)),
            Authors = doc.Authors,
            Sources = AgencyFinder.Find(body, doc.DatelineAgency),
            SiteName = doc.SiteName,
            Description = doc.Description,
            Entities = entities,
            Quotes = QuoteFinder.Find(body, entities),
            Keywords = keywords,
            Summary = Summarizer.Summarise(body, sentences, keywords, options.SummarySentences),
            WordCount = words.Count,
        };
    }

    /// <summary>The place of the dateline is an entity of the article although its text is not in the body.</summary>
    private static void AddDatelinePlace(string? dateline, List<Entity> entities)
    {
        if (dateline is null)
            return;
        foreach (var e in entities)
        {
            if (string.Equals(e.Name, dateline, StringComparison.OrdinalIgnoreCase))
                return;
        }
        entities.Add(new Entity(dateline, EntityTypes.Location, []));
    }

    /// <summary>The publication date is stated near the top if anywhere: the first few sentences.</summary>
    private static string Lead(string body, List<TextSpan> sentences)
    {
        var end = sentences[Math.Min(sentences.Count, 4) - 1].End;
        return body[..end];
    }

    /// <summary>A default reference date means "unknown": dates without a year then stay unresolved.</summary>
    private static DateOnly? Reference(DateTimeOffset referenceDate) =>
        referenceDate == default ? null : DateOnly.FromDateTime(referenceDate.Date);

    private static string? NormaliseLanguage(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var dash = code.IndexOfAny(['-', '_']);
        var primary = (dash > 0 ? code[..dash] : code).Trim().ToLowerInvariant();
        return primary == "in" ? "id" : primary.Length is 2 or 3 ? primary : null;
    }

    private static string Describe(string mediaType) => mediaType switch
    {
        "text/html" => "HTML page",
        "application/json" => "JSON document",
        "text/markdown" => "Markdown document",
        "message/rfc822" => "e-mail",
        _ => "text file",
    };
}

using Pipeline.Contracts;
using Pipeline.Extraction.Enrich;
using Pipeline.Extraction.Formats;
using Pipeline.Ner;

namespace Pipeline.Extraction;

/// <summary>
/// Reads plain text, HTML, JSON, Markdown and e-mail articles (format told by content first, then by name) and
/// enriches them. Stateless apart from its options, so one instance serves every thread.
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    private readonly ExtractionOptions _options;
    private readonly ArticleEnricher _enricher;
    private readonly HtmlArticleReader _html;

    public ArticleExtractor(ExtractionOptions options, IEntityTagger? tagger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _enricher = new ArticleEnricher(options, tagger);
        _html = new HtmlArticleReader(options);
    }

    public Article Extract(ExtractionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var docs = Parse(input);
        return _enricher.Enrich(docs[0], SourceOf(input.Source, 0, docs.Count), input.ReferenceDate);
    }

    public IReadOnlyList<Article> ExtractAll(ExtractionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var docs = Parse(input);
        var articles = new Article[docs.Count];
        for (var i = 0; i < articles.Length; i++)
            articles[i] = _enricher.Enrich(docs[i], SourceOf(input.Source, i, docs.Count), input.ReferenceDate);
        return articles;
    }

    private static SourceFile SourceOf(SourceFile file, int itemIndex, int itemCount) =>
        itemCount == 1 ? file : file.ForItem(itemIndex);

    private List<ParsedDocument> Parse(ExtractionInput input)
    {
        var bytes = input.Content.Span;
        var size = Math.Max(bytes.Length, input.Source.SizeBytes);
        if (size > _options.MaxInputBytes)
        {
            throw new ExtractionRejectedException(
                $"The file is {size / 1024.0 / 1024.0:0.0} MB, over the {_options.MaxInputBytes / 1024.0 / 1024.0:0.0} MB limit for one article.",
                "Split it into one file per article, or raise Extraction:MaxInputBytes if such articles are expected.");
        }
        if (bytes.Trim(" \t\r\n"u8).IsEmpty)
            throw new ExtractionRejectedException("The file is empty.", "Drop the file again once it has been written completely.");
        if (BinarySniffer.Identify(bytes) is { } binary)
            throw new ExtractionRejectedException($"The file is {binary.Kind}, not an article.", binary.Hint);

        var text = TextDecoder.Decode(bytes);
        TextDecoder.EnsureReadable(text);
        return FormatDetector.Detect(text, input.Source.Path) switch
        {
            DocumentFormat.Html => [_html.Read(text)],
            DocumentFormat.Json => JsonArticleReader.Read(text, _html),
            DocumentFormat.Markdown => [MarkdownReader.Read(text)],
            DocumentFormat.Email => [EmailReader.Read(bytes, _html)],
            _ => [PlainTextReader.Read(text)],
        };
    }
}

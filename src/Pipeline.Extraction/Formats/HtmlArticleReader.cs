using AngleSharp.Html.Parser;

namespace Pipeline.Extraction.Formats;

/// <summary>Saved web pages and HTML fragments (from JSON bodies or e-mails): metadata from the head, body by content scoring.</summary>
internal sealed class HtmlArticleReader(ExtractionOptions options)
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false, IsKeepingSourceReferences = false };

    public ParsedDocument Read(string html) => Read(html, "text/html", readMetadata: true);

    public ParsedDocument ReadFragment(string html, string mediaType) => Read(html, mediaType, readMetadata: false);

    private ParsedDocument Read(string html, string mediaType, bool readMetadata)
    {
        var parser = new HtmlParser(ParserOptions);
        using var page = parser.ParseDocument(html);
        var doc = new ParsedDocument { MediaType = mediaType };
        var structuredBody = readMetadata ? HtmlMetadataReader.Read(page, doc) : null;

        var paragraphs = HtmlContentExtractor.Extract(page, options.HtmlTimeBudget);
        var title = doc.Title;
        foreach (var paragraph in paragraphs)
        {
            if (title is not null && paragraph.Equals(title, StringComparison.Ordinal))
                continue;
            doc.Paragraphs.Add(paragraph);
        }
        if (structuredBody is not null && PreferStructuredBody(structuredBody, doc.Paragraphs))
        {
            doc.Paragraphs.Clear();
            PlainTextReader.Read(structuredBody, doc, firstBlockIsTitle: false);
            return doc;
        }
        PlainTextReader.ApplyDateline(doc);
        if (readMetadata && TextWordCount(doc.Paragraphs) < options.MinBodyWords)
        {
            throw new ExtractionRejectedException(
                "The page has no article: fewer than " + options.MinBodyWords + " words of body text were found.",
                "Save the article page itself (not a home page, index or search page) as HTML.");
        }
        return doc;
    }

    /// <summary>The publisher's own <c>articleBody</c> wins when the DOM gave much less text (a page built by script, or a mis-scored layout).</summary>
    private static bool PreferStructuredBody(string structuredBody, List<string> paragraphs)
    {
        var structuredWords = Enrich.TextSpans.CountWords(structuredBody);
        return structuredWords >= 50 && TextWordCount(paragraphs) * 2 < structuredWords;
    }

    private static int TextWordCount(List<string> paragraphs)
    {
        var count = 0;
        foreach (var p in paragraphs)
            count += Enrich.TextSpans.CountWords(p);
        return count;
    }
}

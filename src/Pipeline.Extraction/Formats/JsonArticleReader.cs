using System.Text.Json;

namespace Pipeline.Extraction.Formats;

/// <summary>
/// JSON articles: an object with title/body/date-like fields (names as news APIs and scrapers commonly use them),
/// or a list of such objects (also nested, as in <c>{"articles": [...]}</c>), each read as its own article, in
/// document order. A body holding HTML goes through the HTML reader.
/// </summary>
internal static class JsonArticleReader
{
    private static readonly string[] TitleFields = ["title", "headline", "judul", "name"];
    private static readonly string[] BodyFields = ["body", "articleBody", "content", "text", "isi", "konten", "fullText", "story"];
    private static readonly string[] DateFields = ["publishedAt", "published_at", "datePublished", "date", "pubDate", "published", "tanggal", "created_at", "time"];
    private static readonly string[] AuthorFields = ["authors", "author", "byline", "penulis", "creator"];
    private static readonly string[] SiteFields = ["siteName", "site_name", "source", "publisher", "outlet", "media"];
    private static readonly string[] LanguageFields = ["language", "lang", "inLanguage", "bahasa"];
    private static readonly string[] DescriptionFields = ["description", "summary", "excerpt", "lead"];

    public static List<ParsedDocument> Read(string text, HtmlArticleReader html)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ExtractionRejectedException(
                $"The file looks like JSON but is malformed at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {ex.Message}",
                "Fix the JSON (for example with a validator) and drop the file again.");
        }
        using (json)
        {
            var articles = new List<JsonElement>();
            FindArticles(json.RootElement, articles);
            if (articles.Count == 0)
            {
                throw new ExtractionRejectedException(
                    "The JSON document has no article: no object with a body, content or text field was found.",
                    "Give each article an object with at least \"title\" and \"body\" fields.");
            }
            var documents = new List<ParsedDocument>(articles.Count);
            foreach (var article in articles)
                documents.Add(ReadArticle(article, html));
            return documents;
        }
    }

    /// <summary>An object with a body is an article (its own fields are not searched further); anything else is searched for articles.</summary>
    private static void FindArticles(JsonElement element, List<JsonElement> articles)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when FirstString(element, BodyFields) is not null:
                articles.Add(element);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    FindArticles(property.Value, articles);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    FindArticles(item, articles);
                break;
        }
    }

    private static ParsedDocument ReadArticle(JsonElement article, HtmlArticleReader html)
    {
        var body = FirstString(article, BodyFields)!;
        var doc = LooksLikeHtml(body)
            ? html.ReadFragment(body, "application/json")
            : PlainTextReader.Read(body, new ParsedDocument { MediaType = "application/json" }, firstBlockIsTitle: false);
        doc.Title = FirstString(article, TitleFields) ?? doc.Title;
        doc.PublishedAt = Enrich.DateFinder.NormaliseMachineDate(FirstString(article, DateFields)) ?? doc.PublishedAt;
        doc.SiteName = FirstString(article, SiteFields) ?? doc.SiteName;
        doc.Language = FirstString(article, LanguageFields) ?? doc.Language;
        doc.Description = FirstString(article, DescriptionFields) ?? doc.Description;
        doc.Dateline = FirstString(article, ["dateline"]) ?? doc.Dateline;
        foreach (var name in AuthorFields)
        {
            if (article.TryGetProperty(name, out var value))
                AddAuthors(value, doc.Authors);
        }
        return doc;
    }

    private static void AddAuthors(JsonElement value, List<string> authors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                authors.Add(value.GetString()!.Trim());
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    AddAuthors(item, authors);
                break;
            case JsonValueKind.Object when value.TryGetProperty("name", out var name):
                AddAuthors(name, authors);
                break;
        }
    }

    /// <summary>The first of these properties that holds a non-empty string (or an object with a "name").</summary>
    private static string? FirstString(JsonElement element, string[] names)
    {
        foreach (var name in names)
        {
            if (!element.TryGetProperty(name, out var value))
                continue;
            if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                return value.GetString()!.Trim();
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("name", out var inner) && inner.ValueKind == JsonValueKind.String)
                return inner.GetString();
        }
        return null;
    }

    private static bool LooksLikeHtml(string body) =>
        body.Contains("<p", StringComparison.OrdinalIgnoreCase) || body.Contains("<div", StringComparison.OrdinalIgnoreCase)
        || body.Contains("<br", StringComparison.OrdinalIgnoreCase);
}

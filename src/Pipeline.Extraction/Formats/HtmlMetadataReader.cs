using System.Text.Json;
using AngleSharp.Dom;
using Pipeline.Extraction.Enrich;

namespace Pipeline.Extraction.Formats;

/// <summary>
/// Page metadata, most reliable source first: JSON-LD <c>NewsArticle</c> (and its relatives), then Open Graph and
/// <c>article:*</c> properties, then plain <c>&lt;meta&gt;</c> names, <c>&lt;time&gt;</c> and bylines, then the title element.
/// </summary>
internal static class HtmlMetadataReader
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle", "LiveBlogPosting", "WebPage",
    };

    /// <summary>Fills the document's metadata; returns the JSON-LD <c>articleBody</c> when the page has one.</summary>
    public static string? Read(IDocument page, ParsedDocument doc)
    {
        string? articleBody = null;
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
            articleBody ??= ReadJsonLd(script.TextContent, doc);

        doc.Title ??= Meta(page, "og:title") ?? Meta(page, "twitter:title") ?? FirstHeading(page) ?? TitleElement(page);
        doc.SiteName ??= Meta(page, "og:site_name") ?? Meta(page, "application-name");
        doc.Description ??= Meta(page, "og:description") ?? Meta(page, "description") ?? Meta(page, "twitter:description");
        doc.PublishedAt ??= DateFinder.NormaliseMachineDate(
            Meta(page, "article:published_time") ?? Meta(page, "datePublished") ?? Meta(page, "pubdate")
            ?? Meta(page, "publishdate") ?? Meta(page, "date") ?? Meta(page, "dc.date") ?? Meta(page, "DC.date.issued")
            ?? Meta(page, "sailthru.date") ?? Meta(page, "parsely-pub-date")
            ?? page.QuerySelector("[itemprop='datePublished']")?.GetAttribute("content")
            ?? page.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        doc.Language ??= page.DocumentElement.GetAttribute("lang") ?? Meta(page, "og:locale") ?? Meta(page, "language");
        if (doc.Authors.Count == 0)
        {
            var author = Meta(page, "author") ?? Meta(page, "article:author") ?? Meta(page, "parsely-author")
                ?? page.QuerySelector("[rel='author'], [itemprop='author'] [itemprop='name'], [itemprop='author']")?.TextContent;
            if (!string.IsNullOrWhiteSpace(author) && !author.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                doc.Authors.Add(CollapseSpaces(author));
        }
        return articleBody;
    }

    private static string? ReadJsonLd(string json, ParsedDocument doc)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return null; // broken structured data is common on real pages; the page's other metadata still counts
        }
        using (parsed)
            return FindArticle(parsed.RootElement, doc, depth: 0);
    }

    private static string? FindArticle(JsonElement element, ParsedDocument doc, int depth)
    {
        if (depth > 4)
            return null;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindArticle(item, doc, depth + 1) is { } body)
                    return body;
            }
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        if (element.TryGetProperty("@graph", out var graph))
            return FindArticle(graph, doc, depth + 1);
        if (!IsArticle(element))
            return null;

        doc.Title ??= Str(element, "headline");
        doc.PublishedAt ??= DateFinder.NormaliseMachineDate(Str(element, "datePublished") ?? Str(element, "dateCreated"));
        doc.Description ??= Str(element, "description");
        doc.Language ??= Str(element, "inLanguage");
        if (element.TryGetProperty("publisher", out var publisher))
            doc.SiteName ??= Name(publisher);
        if (doc.Authors.Count == 0 && element.TryGetProperty("author", out var author))
            AddAuthors(author, doc.Authors);
        return Str(element, "articleBody");
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
            return false;
        if (type.ValueKind == JsonValueKind.String)
            return ArticleTypes.Contains(type.GetString()!) && (type.GetString() != "WebPage" || element.TryGetProperty("articleBody", out _));
        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
            {
                if (t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!))
                    return true;
            }
        }
        return false;
    }

    private static void AddAuthors(JsonElement author, List<string> authors)
    {
        if (author.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in author.EnumerateArray())
                AddAuthors(a, authors);
            return;
        }
        if (Name(author) is { Length: > 0 } name && !authors.Contains(name) && !name.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            authors.Add(name);
    }

    private static string? Name(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()?.Trim(),
        JsonValueKind.Object => Str(element, "name"),
        JsonValueKind.Array when element.GetArrayLength() > 0 => Name(element[0]),
        _ => null,
    };

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static string? Meta(IDocument page, string name)
    {
        var element = page.QuerySelector($"meta[property='{name}'], meta[name='{name}'], meta[itemprop='{name}']");
        var content = element?.GetAttribute("content")?.Trim();
        return string.IsNullOrEmpty(content) ? null : content;
    }

    private static string? FirstHeading(IDocument page)
    {
        var text = page.QuerySelector("h1")?.TextContent;
        return string.IsNullOrWhiteSpace(text) ? null : CollapseSpaces(text);
    }

    private static string? TitleElement(IDocument page)
    {
        var title = page.Title?.Trim();
        return string.IsNullOrEmpty(title) ? null : title;
    }

    private static string CollapseSpaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

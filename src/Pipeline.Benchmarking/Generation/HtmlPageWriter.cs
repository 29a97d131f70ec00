using System.Globalization;
using System.Net;
using System.Text;

namespace Pipeline.Benchmarking.Generation;

/// <summary>
/// A news site's article page: the story (2-10 KB of text) inside the weight real pages carry - metadata,
/// an inline stylesheet and scripts, navigation, related-story teasers and a footer - up to the target size.
/// </summary>
internal static class HtmlPageWriter
{
    public static string Write(ProseComposer prose, int storyLength, int targetLength)
    {
        var lexicon = prose.Lexicon;
        var headline = prose.Headline();
        var author = prose.Person();
        var site = prose.Pick(lexicon.SiteNames);
        var published = prose.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" +
                        prose.Next(6, 22).ToString("00", CultureInfo.InvariantCulture) + ":" +
                        prose.Next(0, 60).ToString("00", CultureInfo.InvariantCulture) + ":00+07:00";
        var lead = TextArticleWriter.Dateline(prose) + prose.Lead();

        var page = new StringBuilder(targetLength + 4096);
        page.Append("<!DOCTYPE html>\n<html lang=\"").Append(lexicon.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append("<title>").Append(Encode(headline)).Append(" | ").Append(Encode(site)).Append("</title>\n");
        page.Append("<meta property=\"og:title\" content=\"").Append(Encode(headline)).Append("\">\n");
        page.Append("<meta property=\"og:site_name\" content=\"").Append(Encode(site)).Append("\">\n");
        page.Append("<meta name=\"description\" content=\"").Append(Encode(lead)).Append("\">\n");
        page.Append("<meta name=\"author\" content=\"").Append(Encode(author)).Append("\">\n");
        page.Append("<meta property=\"article:published_time\" content=\"").Append(published).Append("\">\n");
        AppendStylesheet(page, prose);
        page.Append("</head>\n<body class=\"article-page\">\n");
        AppendNavigation(page, prose);

        page.Append("<main>\n<article class=\"story\">\n<h1 class=\"story-title\">").Append(Encode(headline)).Append("</h1>\n");
        page.Append("<div class=\"byline\">").Append(lexicon.Language == "id" ? "Penulis: " : "By ").Append(Encode(author)).Append("</div>\n");
        page.Append("<time datetime=\"").Append(published).Append("\">").Append(published[..10]).Append("</time>\n");
        page.Append("<div class=\"story-body\">\n<p>").Append(Encode(lead)).Append("</p>\n");
        foreach (var paragraph in TextArticleWriter.BodyParagraphs(prose, storyLength))
            page.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
        page.Append("<p class=\"credits\">").Append(Encode(TextArticleWriter.Credits(prose).Replace('\n', ' '))).Append("</p>\n");
        page.Append("</div>\n</article>\n");

        // The rest of the page is the weight around the story, up to the target size.
        page.Append("<aside class=\"related\">\n<h2>").Append(lexicon.Language == "id" ? "Berita Terkait" : "Related stories").Append("</h2>\n<ul>\n");
        var closing = Footer(prose, site);
        while (page.Length + closing.Length < targetLength)
            AppendTeaser(page, prose);
        page.Append("</ul>\n</aside>\n</main>\n").Append(closing);
        return page.ToString();
    }

    private static void AppendStylesheet(StringBuilder page, ProseComposer prose)
    {
        page.Append("<style>\n");
        foreach (var section in prose.Lexicon.SectionNames)
        {
            var name = section.ToLowerInvariant().Replace(' ', '-');
            page.Append(".section-").Append(name).Append(" .teaser{margin:0 0 12px;padding:8px 12px;border-left:3px solid #")
                .Append(prose.Next(0x100000, 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture))
                .Append(";font:16px/1.5 Georgia,serif}\n.section-").Append(name)
                .Append(" h3{font-size:18px;margin:4px 0;color:#222}\n");
        }

        page.Append("</style>\n<script>window.siteConfig={\"ads\":{\"slots\":[\"top\",\"side\",\"inline\"],\"refresh\":30},\"analytics\":{\"id\":\"UA-")
            .Append(prose.Next(100000, 999999).ToString(CultureInfo.InvariantCulture)).Append("\"}};</script>\n");
    }

    private static void AppendNavigation(StringBuilder page, ProseComposer prose)
    {
        page.Append("<header class=\"site-header\">\n<nav>\n<ul class=\"menu\">\n");
        foreach (var section in prose.Lexicon.SectionNames)
            page.Append("<li><a href=\"/").Append(section.ToLowerInvariant().Replace(' ', '-')).Append("\">").Append(Encode(section)).Append("</a></li>\n");
        page.Append("</ul>\n</nav>\n</header>\n");
    }

    private static void AppendTeaser(StringBuilder page, ProseComposer prose)
    {
        var section = prose.Pick(prose.Lexicon.SectionNames);
        var slug = prose.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
        page.Append("<li class=\"teaser section-").Append(section.ToLowerInvariant().Replace(' ', '-')).Append("\"><a href=\"/")
            .Append(section.ToLowerInvariant().Replace(' ', '-')).Append('/').Append(slug).Append("\"><h3>")
            .Append(Encode(prose.Headline())).Append("</h3></a><p>").Append(Encode(prose.Sentence())).Append("</p></li>\n");
    }

    private static string Footer(ProseComposer prose, string site) =>
        "<footer class=\"site-footer\"><p>&copy; " + prose.Published.Year.ToString(CultureInfo.InvariantCulture) + " " + Encode(site) +
        "</p><script>document.querySelectorAll('.teaser').forEach(function(t){t.addEventListener('click',function(){window.siteConfig.clicks=(window.siteConfig.clicks||0)+1;});});</script></footer>\n</body>\n</html>\n";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

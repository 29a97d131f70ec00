using System.Security.Cryptography;
using System.Text;
using Pipeline.Benchmarking.Generation;

namespace Pipeline.Benchmarking.Tests;

public sealed class ArticleGeneratorTests
{
    [Fact]
    public void Same_seed_and_index_give_the_same_bytes_in_any_order()
    {
        var first = new ArticleGenerator(7).Text(0, 50).ToList();
        var again = new ArticleGenerator(7);
        for (var i = first.Count - 1; i >= 0; i--)
        {
            var article = again.Create(i, first[i].Kind);
            Assert.Equal(first[i].FileName, article.FileName);
            Assert.Equal(first[i].Content, article.Content);
        }
    }

    [Fact]
    public void Another_seed_gives_other_articles()
    {
        var a = new ArticleGenerator(1).Text(0, 20).Select(x => Encoding.UTF8.GetString(x.Content));
        var b = new ArticleGenerator(2).Text(0, 20).Select(x => Encoding.UTF8.GetString(x.Content));
        Assert.Empty(a.Intersect(b));
    }

    [Fact]
    public void Text_articles_are_2_to_10_KB_alternate_languages_and_are_all_different()
    {
        var articles = new ArticleGenerator(20_251_125).Text(0, 1000).ToList();
        Assert.All(articles, a => Assert.InRange(a.Content.Length, ArticleGenerator.MinTextBytes, ArticleGenerator.MaxTextBytes));
        Assert.Equal(500, articles.Count(a => a.Kind == ArticleKind.IndonesianText));
        Assert.Equal(500, articles.Count(a => a.Kind == ArticleKind.EnglishText));
        // Equal content would be one document in the store, and a bench waiting for the count would never finish.
        Assert.Equal(articles.Count, articles.Select(a => Convert.ToHexString(SHA256.HashData(a.Content))).Distinct().Count());
        Assert.Equal(articles.Count, articles.Select(a => a.FileName).Distinct().Count());
        // Sizes spread over the range rather than clustering at one length.
        Assert.True(articles.Max(a => a.Content.Length) - articles.Min(a => a.Content.Length) > 5 * 1024);
    }

    [Fact]
    public void Text_articles_have_a_headline_a_dateline_lead_and_credits()
    {
        var indonesian = Encoding.UTF8.GetString(new ArticleGenerator(3).Create(0, ArticleKind.IndonesianText).Content).Split('\n');
        Assert.Matches(@"^\p{Lu}[\p{L} ]+ \((ANTARA|Kabar Nusantara|Warta Kota)\) - ", indonesian[1]);
        Assert.Contains(indonesian, line => line.StartsWith("Pewarta: ", StringComparison.Ordinal));

        var english = Encoding.UTF8.GetString(new ArticleGenerator(3).Create(1, ArticleKind.EnglishText).Content).Split('\n');
        Assert.Matches(@"^[A-Z ]+, [A-Z][a-z]+ \d{1,2} \((Reuters|AP|AFP)\) - ", english[1]);
        Assert.Contains(english, line => line.StartsWith("Reporting by ", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_pages_are_50_to_300_KB_with_the_story_inside_an_article_element()
    {
        var pages = new ArticleGenerator(11).Html(0, 20).ToList();
        Assert.All(pages, page =>
        {
            Assert.InRange(page.Content.Length, ArticleGenerator.MinHtmlBytes, ArticleGenerator.MaxHtmlBytes);
            var html = Encoding.UTF8.GetString(page.Content);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<article class=\"story\">", html, StringComparison.Ordinal);
            Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
            Assert.EndsWith(".html", page.FileName, StringComparison.Ordinal);
        });
        Assert.Contains(pages, p => p.Kind == ArticleKind.IndonesianHtml);
        Assert.Contains(pages, p => p.Kind == ArticleKind.EnglishHtml);
    }
}

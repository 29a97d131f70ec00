using System.Globalization;
using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Testing;

namespace Pipeline.Extraction.Tests;

/// <summary>
/// The project's own sample articles in <c>seeds/</c> (written for Pipeline, several outlets, formats and encodings),
/// each checked against the fields written by hand in <c>seeds/expected/&lt;file&gt;.json</c>.
/// </summary>
public sealed class SeedArticleTests
{
    public static TheoryData<string> SeedFiles() => new(SeedNames());

    private static List<string> SeedNames() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Seeds, "expected"), "*.json").Order()
            .Select(path => Path.GetFileNameWithoutExtension(path)).ToList();

    [Fact]
    public void Seeds_cover_both_languages_and_every_format()
    {
        var names = SeedNames();
        Assert.True(names.Count >= 8, $"only {names.Count} seeds");
        foreach (var ext in new[] { ".txt", ".html", ".json", ".md" })
            Assert.Contains(names, n => n.EndsWith(ext, StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("id-", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("en-", StringComparison.Ordinal));
    }

    /// <summary>Messages and stored documents carry the text once (no paragraph list), and the paragraphs survive.</summary>
    private static void AssertBodyTravelsOnce(Article article)
    {
        var json = JsonSerializer.Serialize(article, JsonSerializerOptions.Web);
        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.TryGetProperty("paragraphs", out _), "the JSON repeats the body as paragraphs");
        var read = JsonSerializer.Deserialize<Article>(json, JsonSerializerOptions.Web)!;
        Assert.Equal(article.Paragraphs, read.Paragraphs);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Seed_article_has_the_expected_fields(string seed)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Seeds, "expected", seed + ".json")));
        var e = expected.RootElement;
        var reference = DateTimeOffset.Parse(e.GetProperty("referenceDate").GetString()!, CultureInfo.InvariantCulture);
        var article = Extract.Bytes(File.ReadAllBytes(Path.Combine(RepoPaths.Seeds, seed)), seed, reference);

        Assert.Equal(e.GetProperty("mediaType").GetString(), article.Source.MediaType);
        Assert.Equal(e.GetProperty("title").GetString(), article.Title);
        Assert.Equal(e.GetProperty("language").GetString(), article.Language);
        AssertOptional(e, "dateline", article.Dateline);
        AssertOptional(e, "publishedAt", article.PublishedAt);
        AssertOptional(e, "siteName", article.SiteName);
        if (e.TryGetProperty("sources", out var sources))
            Assert.Equal(Strings(sources).Order(), article.Sources.Order());
        if (e.TryGetProperty("authors", out var authors))
            Assert.Equal(Strings(authors), article.Authors);

        Assert.Equal(e.GetProperty("paragraphCount").GetInt32(), article.Paragraphs.Count);
        AssertBodyTravelsOnce(article);
        Assert.StartsWith(e.GetProperty("bodyStartsWith").GetString()!, article.Body, StringComparison.Ordinal);
        Assert.EndsWith(e.GetProperty("bodyEndsWith").GetString()!, article.Body, StringComparison.Ordinal);
        foreach (var text in Optional(e, "bodyContains"))
            Assert.Contains(text, article.Body, StringComparison.Ordinal);
        foreach (var text in Optional(e, "bodyMustNotContain"))
            Assert.DoesNotContain(text, article.Body, StringComparison.Ordinal);

        foreach (var entity in e.GetProperty("entities").EnumerateArray())
        {
            var name = entity.GetProperty("name").GetString()!;
            var found = article.Entities.SingleOrDefault(x => x.Name == name);
            Assert.True(found is not null, $"entity {name} missing; found {string.Join(", ", article.Entities.Select(x => x.Name))}");
            Assert.Equal(entity.GetProperty("type").GetString(), found.Type);
            if (entity.TryGetProperty("mentions", out var mentions))
                Assert.Equal(mentions.GetInt32(), found.Mentions.Count);
            foreach (var m in found.Mentions)
                Assert.Equal(m.Text, article.Body.Substring(m.Start, m.Length));
        }

        foreach (var quote in e.GetProperty("quotes").EnumerateArray())
        {
            var start = quote.GetProperty("startsWith").GetString()!;
            var found = article.Quotes.SingleOrDefault(q => q.Text.StartsWith(start, StringComparison.Ordinal));
            Assert.True(found is not null, $"quote '{start}' missing");
            Assert.Equal(quote.GetProperty("speaker").GetString(), found.Speaker);
            Assert.Equal(found.Text, article.Body.Substring(found.Start, found.Length));
        }
        foreach (var scare in Optional(e, "notQuotes"))
            Assert.DoesNotContain(article.Quotes, q => q.Text.Contains(scare, StringComparison.Ordinal));

        Assert.True(article.WordCount > 50);
        Assert.NotEmpty(article.Keywords);
        Assert.False(string.IsNullOrWhiteSpace(article.Summary));
    }

    private static void AssertOptional(JsonElement e, string name, string? actual)
    {
        if (e.TryGetProperty(name, out var value))
            Assert.Equal(value.GetString(), actual);
    }

    private static List<string> Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) ? Strings(value) : [];

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(x => x.GetString()!).ToList();
}

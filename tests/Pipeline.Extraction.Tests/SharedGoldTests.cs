using System.Text.Json;
using Pipeline.Testing;

namespace Pipeline.Extraction.Tests;

/// <summary>
/// The hand-made gold annotation of the shared sample article (<c>../shared/eval/seed/*.gold.json</c>), read by
/// path only; skipped when the shared folder is not beside the repository.
/// </summary>
public sealed class SharedGoldTests
{
    [SkippableFact]
    public void Every_gold_field_of_the_shared_seed_is_right() => CheckGold(tagger: null);

    /// <summary>The product path: <c>pipeline extract</c> registers the shipped entity model.</summary>
    [SkippableFact]
    public void Every_gold_field_of_the_shared_seed_is_right_with_the_shipped_tagger() => CheckGold(Extract.ShippedTagger.Value);

    private static void CheckGold(Pipeline.Ner.IEntityTagger? tagger)
    {
        var goldDir = Path.Combine(RepoPaths.Shared, "eval", "seed");
        Skip.IfNot(Directory.Exists(goldDir), $"{goldDir} is not present");
        var goldFiles = Directory.GetFiles(goldDir, "*.gold.json");
        Skip.If(goldFiles.Length == 0, "no gold files");

        foreach (var goldFile in goldFiles)
        {
            using var gold = JsonDocument.Parse(File.ReadAllText(goldFile));
            var g = gold.RootElement;
            var articlePath = Path.Combine(RepoPaths.Shared, g.GetProperty("file").GetString()!);
            Skip.IfNot(File.Exists(articlePath), $"{articlePath} is not present");
            // The reference date stands for the file's modification time: a day in the week after the meeting.
            var article = Extract.Bytes(File.ReadAllBytes(articlePath), Path.GetFileName(articlePath), new DateTimeOffset(2024, 6, 20, 0, 0, 0, TimeSpan.Zero), tagger: tagger);

            Assert.Equal(g.GetProperty("title").GetString(), article.Title);
            Assert.Equal(g.GetProperty("language").GetString(), article.Language);
            Assert.Equal(g.GetProperty("dateline").GetString(), article.Dateline);
            Assert.Equal(g.GetProperty("publishedDate").GetString(), article.PublishedAt);
            Assert.Equal(Strings(g, "sources").Order(), article.Sources.Order());
            Assert.Equal(g.GetProperty("bodyParagraphCount").GetInt32(), article.Paragraphs.Count);
            Assert.StartsWith(g.GetProperty("bodyStartsWith").GetString()!, article.Body, StringComparison.Ordinal);
            Assert.EndsWith(g.GetProperty("bodyEndsWith").GetString()!, article.Body, StringComparison.Ordinal);
            foreach (var banned in Strings(g, "bodyMustNotContain"))
                Assert.DoesNotContain(banned, article.Body, StringComparison.Ordinal);

            var expectedEntities = g.GetProperty("entities").EnumerateArray()
                .Select(e => (e.GetProperty("text").GetString()!, e.GetProperty("type").GetString()!)).OrderBy(x => x).ToList();
            var actualEntities = article.Entities.Select(e => (e.Name, e.Type)).OrderBy(x => x).ToList();
            Assert.Equal(expectedEntities, actualEntities);

            var quotes = g.GetProperty("quotes").EnumerateArray().ToList();
            Assert.Equal(quotes.Count, article.Quotes.Count);
            foreach (var q in quotes)
            {
                var start = q.GetProperty("startsWith").GetString()!;
                var found = Assert.Single(article.Quotes, x => x.Text.StartsWith(start, StringComparison.Ordinal));
                Assert.Equal(q.GetProperty("speaker").GetString(), found.Speaker);
            }
        }
    }

    private static List<string> Strings(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToList();
}

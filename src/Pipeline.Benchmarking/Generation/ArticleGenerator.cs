using System.Globalization;
using System.Text;

namespace Pipeline.Benchmarking.Generation;

/// <summary>
/// Writes realistic news articles, deterministically: the same seed and index always give the same bytes.
/// Plain text is 2-10 KB, HTML pages 50-300 KB; Indonesian and English alternate.
/// </summary>
public sealed class ArticleGenerator(int seed)
{
    public const int MinTextBytes = 2 * 1024;
    public const int MaxTextBytes = 10 * 1024;
    public const int MinHtmlBytes = 50 * 1024;
    public const int MaxHtmlBytes = 300 * 1024;

    public int Seed { get; } = seed;

    /// <summary>Article <paramref name="index"/> of this seed in the given language and format.</summary>
    public GeneratedArticle Create(int index, ArticleKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        // One Random per article (not one for the whole run): any article can be made on its own, in any order.
        var random = new Random(unchecked((Seed * 1_000_003) + (index * 7919) + (int)kind));
        var prose = new ProseComposer(random, kind.IsIndonesian() ? IndonesianLexicon.Instance : EnglishLexicon.Instance);
        string text;
        if (kind.IsHtml())
        {
            var target = random.Next(MinHtmlBytes, MaxHtmlBytes - 2048);
            text = HtmlPageWriter.Write(prose, storyLength: random.Next(MinTextBytes, MaxTextBytes - 1024), target);
        }
        else
        {
            text = TextArticleWriter.Write(prose, random.Next(MinTextBytes + 256, MaxTextBytes - 768));
        }

        var extension = kind.IsHtml() ? "html" : "txt";
        var language = kind.IsIndonesian() ? "id" : "en";
        var name = string.Create(CultureInfo.InvariantCulture, $"bench-{Seed}-{index:D6}-{language}.{extension}");
        return new GeneratedArticle(index, kind, name, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Text articles <paramref name="first"/>..first+count-1, Indonesian on even indexes, English on odd.</summary>
    public IEnumerable<GeneratedArticle> Text(int first, int count)
    {
        for (var i = first; i < first + count; i++)
            yield return Create(i, i % 2 == 0 ? ArticleKind.IndonesianText : ArticleKind.EnglishText);
    }

    /// <summary>HTML pages <paramref name="first"/>..first+count-1, alternating languages like <see cref="Text"/>.</summary>
    public IEnumerable<GeneratedArticle> Html(int first, int count)
    {
        for (var i = first; i < first + count; i++)
            yield return Create(i, i % 2 == 0 ? ArticleKind.IndonesianHtml : ArticleKind.EnglishHtml);
    }
}

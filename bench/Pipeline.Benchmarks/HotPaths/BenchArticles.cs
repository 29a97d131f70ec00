using Pipeline.Benchmarking.Generation;
using Pipeline.Contracts;
using Pipeline.Extraction;

namespace Pipeline.Benchmarks.HotPaths;

/// <summary>Inputs shared by the hot-path suites: the same generated articles `pipeline bench` drives.</summary>
internal static class BenchArticles
{
    private static readonly ArticleGenerator Generator = new(20_251_125);

    public static GeneratedArticle Text(bool indonesian) =>
        Generator.Create(indonesian ? 0 : 1, indonesian ? ArticleKind.IndonesianText : ArticleKind.EnglishText);

    public static GeneratedArticle Html(bool indonesian) =>
        Generator.Create(indonesian ? 0 : 1, indonesian ? ArticleKind.IndonesianHtml : ArticleKind.EnglishHtml);

    public static ExtractionInput InputOf(GeneratedArticle article) => new(
        new SourceFile(article.FileName, DocumentIds.Sha256Hex(article.Content), MediaTypes.FromFileName(article.FileName), article.Content.Length),
        article.Content,
        new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
}

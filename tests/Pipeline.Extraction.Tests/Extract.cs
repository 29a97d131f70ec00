using System.Text;
using Pipeline.Contracts;

namespace Pipeline.Extraction.Tests;

/// <summary>Runs the real extractor on bytes or text the way the stage does.</summary>
internal static class Extract
{
    public static readonly DateTimeOffset DefaultReference = new(2024, 6, 20, 12, 0, 0, TimeSpan.Zero);

    public static Article Bytes(byte[] content, string path = "article.txt", DateTimeOffset? reference = null, ExtractionOptions? options = null)
    {
        var extractor = new ArticleExtractor(options ?? new ExtractionOptions());
        var source = new SourceFile(path, DocumentIds.Sha256Hex(content), "application/octet-stream", content.Length);
        return extractor.Extract(new ExtractionInput(source, content, reference ?? DefaultReference));
    }

    public static Article Text(string text, string path = "article.txt", DateTimeOffset? reference = null) =>
        Bytes(Encoding.UTF8.GetBytes(text), path, reference);

    public static ExtractionRejectedException Rejected(byte[] content, string path = "article.txt", ExtractionOptions? options = null) =>
        Assert.Throws<ExtractionRejectedException>(() => Bytes(content, path, options: options));
}

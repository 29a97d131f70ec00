using System.Text;
using Pipeline.Contracts;
using Pipeline.Ner;
using Pipeline.Ner.Model;

namespace Pipeline.Extraction.Tests;

/// <summary>Runs the real extractor on bytes or text the way the stage does.</summary>
internal static class Extract
{
    public static readonly DateTimeOffset DefaultReference = new(2024, 6, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The shipped entity model, loaded once for the tests that run the product path (<c>pipeline extract</c>).</summary>
    public static readonly Lazy<IEntityTagger> ShippedTagger = new(() => new PerceptronTagger(NerModel.LoadShipped()));

    public static Article Bytes(byte[] content, string path = "article.txt", DateTimeOffset? reference = null, ExtractionOptions? options = null, IEntityTagger? tagger = null)
    {
        var extractor = new ArticleExtractor(options ?? new ExtractionOptions(), tagger);
        var source = new SourceFile(path, DocumentIds.Sha256Hex(content), "application/octet-stream", content.Length);
        return extractor.Extract(new ExtractionInput(source, content, reference ?? DefaultReference));
    }

    public static Article Text(string text, string path = "article.txt", DateTimeOffset? reference = null) =>
        Bytes(Encoding.UTF8.GetBytes(text), path, reference);

    public static ExtractionRejectedException Rejected(byte[] content, string path = "article.txt", ExtractionOptions? options = null) =>
        Assert.Throws<ExtractionRejectedException>(() => Bytes(content, path, options: options));
}

using Pipeline.Contracts;
using Pipeline.Extraction;

namespace Pipeline.Benchmarks.HotPaths;

/// <summary>The two large messages of one generated Indonesian text article, as ingest and extraction send them.</summary>
internal sealed class BenchMessages
{
    public BenchMessages()
    {
        var article = BenchArticles.Text(indonesian: true);
        var input = BenchArticles.InputOf(article);
        var visit = new StageVisit(Stages.Ingest, "bench", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var id = DocumentIds.FromSha256Hex(input.Source.Sha256);
        Received = new ArticleReceived
        {
            DocumentId = id,
            CorrelationId = Guid.NewGuid(),
            Source = input.Source,
            Content = article.Content,
            DroppedAt = DateTimeOffset.UnixEpoch,
            FileModifiedAt = DateTimeOffset.UnixEpoch,
            Ingested = visit,
        };
        Extracted = new ArticleExtracted
        {
            DocumentId = id,
            CorrelationId = Received.CorrelationId,
            Article = new ArticleExtractor(new ExtractionOptions()).Extract(input),
            DroppedAt = DateTimeOffset.UnixEpoch,
            Stages = [visit],
        };
    }

    /// <summary>The file inline.</summary>
    public ArticleReceived Received { get; }

    /// <summary>The whole enriched article.</summary>
    public ArticleExtracted Extracted { get; }
}

using Pipeline.Contracts;

namespace Pipeline.Ingest.Tests.Support;

/// <summary>What the later stages would answer ingest, for tests that play those stages.</summary>
internal static class StageAnswers
{
    /// <summary>The index stage's announcement that the received article is stored (new).</summary>
    public static ArticleIndexed Indexed(ArticleReceived received) => new()
    {
        DocumentId = received.DocumentId,
        CorrelationId = received.CorrelationId,
        Source = received.Source,
        DroppedAt = received.DroppedAt,
        Created = true,
        Stages = [received.Ingested],
    };
}

using Pipeline.Contracts;

namespace Pipeline.Testing.Messages;

/// <summary>Messages the tests put on a real broker by hand, to reach a stage without the stages before it.</summary>
public static class TestMessages
{
    /// <summary>
    /// An <see cref="ArticleReceived"/> whose content travels by claim check: the extract stage reads
    /// <paramref name="contentPath"/>, which a test may leave missing, unreadable or blocking on purpose.
    /// </summary>
    public static ArticleReceived ReceivedByClaimCheck(string contentPath, Guid? documentId = null)
    {
        var now = DateTimeOffset.UtcNow;
        var id = documentId ?? Guid.NewGuid();
        return new ArticleReceived
        {
            DocumentId = id,
            CorrelationId = id,
            Source = new SourceFile(Path.GetFileName(contentPath), new string('0', 64), MediaTypes.PlainText, 100),
            ContentPath = contentPath,
            DroppedAt = now,
            FileModifiedAt = now,
            Ingested = new StageVisit(Stages.Ingest, "test", now, now),
        };
    }
}

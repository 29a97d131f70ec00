using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Monitoring.Tests.Embedded;

// Stand-ins for the three stages, on the real stage queue names and real Contracts messages: monitoring only
// sees messages and queues, so these exercise it as the real stages would, without depending on their work.

/// <summary>Extract: turns ArticleReceived into ArticleExtracted; a file whose name contains "poison" always fails.</summary>
public sealed class FakeExtractConsumer : IConsumer<ArticleReceived>
{
    public const string PoisonMarker = "poison";

    public async Task Consume(ConsumeContext<ArticleReceived> context)
    {
        var received = context.Message;
        if (received.Source.Path.Contains(PoisonMarker, StringComparison.Ordinal))
            throw new InvalidDataException($"Cannot read {received.Source.Path}");
        var article = new Article { Source = received.Source, Title = received.Source.Path, Body = "body" };
        await context.Publish(new ArticleExtracted
        {
            DocumentId = received.DocumentId,
            CorrelationId = received.CorrelationId,
            Article = article,
            DroppedAt = received.DroppedAt,
            Stages = [received.Ingested],
        });
    }
}

/// <summary>Index: stores nothing, announces ArticleIndexed.</summary>
public sealed class FakeIndexConsumer : IConsumer<ArticleExtracted>
{
    public async Task Consume(ConsumeContext<ArticleExtracted> context)
    {
        var extracted = context.Message;
        await context.Publish(new ArticleIndexed
        {
            DocumentId = extracted.DocumentId,
            CorrelationId = extracted.CorrelationId,
            Source = extracted.Article.Source,
            DroppedAt = extracted.DroppedAt,
            Created = true,
            Stages = extracted.Stages,
        });
    }
}

/// <summary>Ingest's end of the way: would archive or quarantine the file.</summary>
public sealed class FakeIngestConsumer : IConsumer<ArticleIndexed>, IConsumer<ArticleRejected>
{
    public Task Consume(ConsumeContext<ArticleIndexed> context) => Task.CompletedTask;

    public Task Consume(ConsumeContext<ArticleRejected> context) => Task.CompletedTask;
}

public static class Drops
{
    /// <summary>What ingest publishes for a file seen in the inbox <paramref name="waited"/> ago.</summary>
    public static ArticleReceived Received(string name, TimeSpan waited)
    {
        var content = System.Text.Encoding.UTF8.GetBytes($"Article {name}");
        var sha = DocumentIds.Sha256Hex(content);
        var droppedAt = DateTimeOffset.UtcNow - waited;
        return new ArticleReceived
        {
            DocumentId = DocumentIds.FromSha256Hex(sha),
            CorrelationId = Guid.NewGuid(),
            Source = new SourceFile(name, sha, MediaTypes.PlainText, content.Length),
            Content = content,
            DroppedAt = droppedAt,
            FileModifiedAt = droppedAt,
            Ingested = new StageVisit(Stages.Ingest, "test", droppedAt, droppedAt),
        };
    }
}

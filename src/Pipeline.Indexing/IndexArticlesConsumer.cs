using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Indexing;

/// <summary>
/// Stores an extracted article (in a batch shared with the articles that arrive alongside it, see
/// <see cref="GroupCommitWriter"/>) and announces it as indexed. The store is idempotent by document id, so a
/// redelivered article changes nothing twice.
/// </summary>
public sealed partial class IndexArticlesConsumer(
    GroupCommitWriter writer,
    WorkerIdentity worker,
    TimeProvider clock,
    ILogger<IndexArticlesConsumer> logger) : IConsumer<ArticleExtracted>
{
    public async Task Consume(ConsumeContext<ArticleExtracted> context)
    {
        var started = clock.GetUtcNow();
        var message = context.Message;
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["DocumentId"] = message.DocumentId,
            ["CorrelationId"] = message.CorrelationId,
        });
        var document = new StoredDocument
        {
            DocumentId = message.DocumentId,
            CorrelationId = message.CorrelationId,
            Article = message.Article,
            DroppedAt = message.DroppedAt,
            // The stored visit ends where it starts, when the article reached this worker: its end is only known
            // once the document is stored. The wait for the batch in progress counts as part of the write.
            Stages = [.. message.Stages, new StageVisit(Stages.Index, worker.Name, started, started)],
        };

        var created = await writer.WriteAsync(document, context.CancellationToken);
        var finished = clock.GetUtcNow();
        LogStored(document.Article.Source.Path, created, (finished - document.DroppedAt).TotalMilliseconds);
        await context.Publish(new ArticleIndexed
        {
            DocumentId = document.DocumentId,
            CorrelationId = document.CorrelationId,
            Source = document.Article.Source,
            DroppedAt = document.DroppedAt,
            Created = created,
            Stages = [.. message.Stages, new StageVisit(Stages.Index, worker.Name, started, finished)],
            ItemIndex = message.ItemIndex,
            ItemCount = message.ItemCount,
        }, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {SourcePath} (new: {Created}) {LatencyMs:F0} ms after it was dropped")]
    private partial void LogStored(string sourcePath, bool created, double latencyMs);
}

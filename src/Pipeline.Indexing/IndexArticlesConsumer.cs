using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Indexing;

/// <summary>
/// Writes extracted articles to the store in batches and announces each one as indexed. The store is
/// idempotent by document id, so a redelivered batch changes nothing twice.
/// </summary>
public sealed partial class IndexArticlesConsumer(
    IArticleStore store,
    WorkerIdentity worker,
    TimeProvider clock,
    ILogger<IndexArticlesConsumer> logger) : IConsumer<Batch<ArticleExtracted>>
{
    public async Task Consume(ConsumeContext<Batch<ArticleExtracted>> context)
    {
        var started = clock.GetUtcNow();
        var documents = new StoredDocument[context.Message.Length];
        for (var i = 0; i < documents.Length; i++)
        {
            var message = context.Message[i].Message;
            documents[i] = new StoredDocument
            {
                DocumentId = message.DocumentId,
                CorrelationId = message.CorrelationId,
                Article = message.Article,
                DroppedAt = message.DroppedAt,
                // The stored visit ends when the write starts: its end is only known once the document is stored.
                Stages = [.. message.Stages, new StageVisit(Stages.Index, worker.Name, started, started)],
            };
        }

        var outcomes = await store.UpsertAsync(documents, context.CancellationToken);
        var finished = clock.GetUtcNow();
        // The same content dropped twice under two names shares a document id and may arrive in one batch:
        // it is created at most once, and only its first announcement says so.
        var created = new Dictionary<Guid, bool>(outcomes.Count);
        foreach (var outcome in outcomes)
            created[outcome.DocumentId] = created.GetValueOrDefault(outcome.DocumentId) || outcome.Created;

        for (var i = 0; i < documents.Length; i++)
        {
            var document = documents[i];
            var message = context.Message[i].Message;
            using var scope = logger.BeginScope(new Dictionary<string, object>
            {
                ["DocumentId"] = document.DocumentId,
                ["CorrelationId"] = document.CorrelationId,
            });
            var isNew = created.GetValueOrDefault(document.DocumentId);
            created[document.DocumentId] = false;
            LogStored(document.Article.Source.Path, isNew, (finished - document.DroppedAt).TotalMilliseconds);
            await context.Publish(new ArticleIndexed
            {
                DocumentId = document.DocumentId,
                CorrelationId = document.CorrelationId,
                Source = document.Article.Source,
                DroppedAt = document.DroppedAt,
                Created = isNew,
                Stages = [.. message.Stages, new StageVisit(Stages.Index, worker.Name, started, finished)],
                ItemIndex = message.ItemIndex,
                ItemCount = message.ItemCount,
            }, context.CancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {SourcePath} (new: {Created}) {LatencyMs:F0} ms after it was dropped")]
    private partial void LogStored(string sourcePath, bool created, double latencyMs);
}

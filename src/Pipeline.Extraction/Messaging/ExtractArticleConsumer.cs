using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;

namespace Pipeline.Extraction.Messaging;

/// <summary>
/// Reads the claimed file (inline or by claim check), extracts its articles and hands each on. A file holding several
/// (a JSON list) yields one message per article, each with its own document id derived from the file's hash and the
/// article's place in it, so a redelivery republishes the same ids and the store keeps each article once.
/// </summary>
public sealed partial class ExtractArticleConsumer(
    IArticleExtractor extractor,
    WorkerIdentity worker,
    TimeProvider clock,
    ILogger<ExtractArticleConsumer> logger) : IConsumer<ArticleReceived>
{
    public async Task Consume(ConsumeContext<ArticleReceived> context)
    {
        var message = context.Message;
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["DocumentId"] = message.DocumentId,
            ["CorrelationId"] = message.CorrelationId,
        });
        var started = clock.GetUtcNow();
        var content = message.Content ?? await ClaimCheck.ReadAsync(message, context.CancellationToken);

        IReadOnlyList<Article> articles;
        try
        {
            articles = extractor.ExtractAll(new ExtractionInput(message.Source, content, message.FileModifiedAt));
        }
        catch (ExtractionRejectedException rejected)
        {
            LogRejected(message.Source.Path, rejected.Message);
            await context.Publish(new ArticleRejected
            {
                DocumentId = message.DocumentId,
                CorrelationId = message.CorrelationId,
                Source = message.Source,
                Stage = Stages.Extract,
                Reason = rejected.Message,
                Hint = rejected.Hint,
                RejectedAt = clock.GetUtcNow(),
            }, context.CancellationToken);
            return;
        }

        var finished = clock.GetUtcNow();
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            LogExtracted(article.Source.Path, article.Title, article.Language, article.WordCount);
            await context.Publish(new ArticleExtracted
            {
                DocumentId = articles.Count == 1 ? message.DocumentId : DocumentIds.ForItem(message.Source.Sha256, i),
                CorrelationId = message.CorrelationId,
                Article = article,
                DroppedAt = message.DroppedAt,
                Stages = [message.Ingested, new StageVisit(Stages.Extract, worker.Name, started, finished)],
                ItemIndex = i,
                ItemCount = articles.Count,
            }, context.CancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Extracted {SourcePath}: {Title} ({Language}, {WordCount} words)")]
    private partial void LogExtracted(string sourcePath, string title, string? language, int wordCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {SourcePath}: {Reason}")]
    private partial void LogRejected(string sourcePath, string reason);
}

using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;

namespace Pipeline.Extraction.Messaging;

/// <summary>Reads the claimed file (inline or by claim check), extracts the article and hands it on.</summary>
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

        Article article;
        try
        {
            article = extractor.Extract(new ExtractionInput(message.Source, content, message.FileModifiedAt));
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

        LogExtracted(message.Source.Path, article.Title, article.Language, article.WordCount);
        await context.Publish(new ArticleExtracted
        {
            DocumentId = message.DocumentId,
            CorrelationId = message.CorrelationId,
            Article = article,
            DroppedAt = message.DroppedAt,
            Stages = [message.Ingested, new StageVisit(Stages.Extract, worker.Name, started, clock.GetUtcNow())],
        }, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Extracted {SourcePath}: {Title} ({Language}, {WordCount} words)")]
    private partial void LogExtracted(string sourcePath, string title, string? language, int wordCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {SourcePath}: {Reason}")]
    private partial void LogRejected(string sourcePath, string reason);
}

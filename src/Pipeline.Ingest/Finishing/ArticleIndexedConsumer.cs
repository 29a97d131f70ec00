using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;

namespace Pipeline.Ingest.Finishing;

/// <summary>Indexing stored the article: archive (or delete) the claimed file and record it as stored.</summary>
public sealed class ArticleIndexedConsumer(FileFinisher finisher, ILogger<ArticleIndexedConsumer> logger) : IConsumer<ArticleIndexed>
{
    public async Task Consume(ConsumeContext<ArticleIndexed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["DocumentId"] = message.DocumentId,
            ["CorrelationId"] = message.CorrelationId,
        });
        await finisher.ArchiveAsync(message.CorrelationId, message.DocumentId, message.Source, message.DroppedAt,
            message.Created, context.CancellationToken);
    }
}

using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Ingest.Ledger;

namespace Pipeline.Ingest.Finishing;

/// <summary>
/// Indexing stored the article: archive (or delete) the claimed file and record it as stored. A file holding several
/// articles (a JSON list) is finished only once every one of them is stored; until then each stored article is only
/// counted in the ledger, and the file waits in the work folder (where recovery republishes it if the rest never come).
/// </summary>
internal sealed class ArticleIndexedConsumer(FileFinisher finisher, IngestLedger ledger, ILogger<ArticleIndexedConsumer> logger)
    : IConsumer<ArticleIndexed>
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
        if (message.ItemCount <= 1)
        {
            await finisher.ArchiveAsync(message.CorrelationId, message.DocumentId, message.Source, message.DroppedAt,
                message.Created, context.CancellationToken);
            return;
        }

        var stored = await ledger.RecordStoredItemAsync(message.CorrelationId, message.ItemIndex, context.CancellationToken);
        if (stored < message.ItemCount)
        {
            logger.StoredItem(message.Source.Path, stored, message.ItemCount);
            return;
        }
        var file = message.Source.FileOfItem(message.ItemIndex);
        await finisher.ArchiveAsync(message.CorrelationId, DocumentIds.FromSha256Hex(file.Sha256), file, message.DroppedAt,
            message.Created, context.CancellationToken);
    }
}

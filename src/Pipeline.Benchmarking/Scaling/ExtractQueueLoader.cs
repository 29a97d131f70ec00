using System.Text.Json;
using Pipeline.Benchmarking.Generation;
using Pipeline.Contracts;
using Pipeline.Extraction.Messaging;
using RabbitMQ.Client;

namespace Pipeline.Benchmarking.Scaling;

/// <summary>
/// Puts <see cref="ArticleReceived"/> messages straight into the extract queue, in MassTransit's JSON envelope (what
/// an ingest worker would send), so a run measures extraction alone: no inbox, no ingest worker competing for CPU.
/// </summary>
internal static class ExtractQueueLoader
{
    public const string ExtractQueue = ExtractArticleConsumerDefinition.QueueName;
    private const string EnvelopeContentType = "application/vnd.masstransit+json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Publishes one message per page (content inline) with publisher confirms; returns the document ids in order.</summary>
    public static async Task<IReadOnlyList<Guid>> LoadAsync(IConnection connection, IEnumerable<GeneratedArticle> pages, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken);
        var ids = new List<Guid>();
        var window = new List<Task>();
        foreach (var page in pages)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            var properties = new BasicProperties { Persistent = true, ContentType = EnvelopeContentType, MessageId = id.ToString() };
            window.Add(channel.BasicPublishAsync(string.Empty, ExtractQueue, true, properties, Envelope(id, page), cancellationToken).AsTask());
            if (window.Count < 64) continue;
            await Task.WhenAll(window);
            window.Clear();
        }

        await Task.WhenAll(window);
        return ids;
    }

    private static byte[] Envelope(Guid documentId, GeneratedArticle page)
    {
        var now = DateTimeOffset.UtcNow;
        var message = new ArticleReceived
        {
            DocumentId = documentId,
            CorrelationId = documentId,
            Source = new SourceFile("/bench/" + page.FileName, DocumentIds.Sha256Hex(page.Content), MediaTypes.Html, page.Content.Length),
            Content = page.Content,
            DroppedAt = now,
            FileModifiedAt = now,
            Ingested = new StageVisit(Stages.Ingest, "bench", now, now),
        };
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = Guid.NewGuid(),
            conversationId = documentId,
            destinationAddress = "queue:" + ExtractQueue,
            messageType = (string[])["urn:message:Pipeline.Contracts:ArticleReceived"],
            message,
            sentTime = now,
        }, Json);
    }
}

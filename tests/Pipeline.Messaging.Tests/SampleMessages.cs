using System.Text.Json;
using MassTransit;
using MassTransit.Metadata;
using MassTransit.Serialization;
using Pipeline.Contracts;

namespace Pipeline.Messaging.Tests;

/// <summary>One message of every pipeline type, with every field set, and envelopes written the way MassTransit writes them.</summary>
internal static class SampleMessages
{
    private static readonly SourceFile Source = new("news/banjir.txt", new string('a', 64), MediaTypes.PlainText, 5120);
    private static readonly DateTimeOffset At = new(2026, 11, 26, 7, 30, 0, TimeSpan.FromHours(7));
    private static readonly StageVisit Visit = new(Stages.Ingest, "ingest@host/1", At, At.AddMilliseconds(3));

    public static IReadOnlyList<object> All { get; } =
    [
        new ArticleReceived
        {
            DocumentId = Guid.NewGuid(), CorrelationId = Guid.NewGuid(), Source = Source, Content = [1, 2, 3, 250],
            ContentPath = "/claims/banjir.txt", DroppedAt = At, FileModifiedAt = At.AddMinutes(-1), Ingested = Visit,
        },
        new ArticleExtracted
        {
            DocumentId = Guid.NewGuid(), CorrelationId = Guid.NewGuid(), DroppedAt = At, Stages = [Visit, Visit with { Stage = Stages.Extract }],
            ItemIndex = 1, ItemCount = 3,
            Article = new Article
            {
                Source = Source, Title = "Banjir rendam Jakarta", Body = "JAKARTA - Hujan deras.\n\n\"Kami siaga,\" kata Budi.",
                Language = "id", Dateline = "Jakarta", PublishedAt = "2026-11-26", Authors = ["Sari"], Sources = ["ANTARA"],
                SiteName = "Contoh", Description = "Hujan", Keywords = ["banjir", "hujan"], Summary = "Hujan deras.", WordCount = 7,
                Entities = [new Entity("Budi", EntityTypes.Person, [new Mention("Budi", 43, 4)])],
                Quotes = [new Quote("Kami siaga,", "Budi", 24, 11)],
            },
        },
        new ArticleIndexed
        {
            DocumentId = Guid.NewGuid(), CorrelationId = Guid.NewGuid(), Source = Source, DroppedAt = At, Created = true,
            Stages = [Visit], ItemIndex = 2, ItemCount = 3,
        },
        new ArticleRejected
        {
            DocumentId = Guid.NewGuid(), CorrelationId = Guid.NewGuid(), Source = Source, Stage = Stages.Extract,
            Reason = "The file is empty", Hint = "Drop it again once it is written", RejectedAt = At,
        },
    ];

    /// <summary>An envelope as MassTransit's serializer builds it for a send, every header field set.</summary>
    public static JsonMessageEnvelope EnvelopeOf(object message) => new()
    {
        MessageId = NewId.NextGuid().ToString(),
        RequestId = NewId.NextGuid().ToString(),
        CorrelationId = NewId.NextGuid().ToString(),
        ConversationId = NewId.NextGuid().ToString(),
        InitiatorId = NewId.NextGuid().ToString(),
        SourceAddress = "rabbitmq://localhost/pipeline-extract",
        DestinationAddress = "rabbitmq://localhost/Pipeline.Contracts:ArticleExtracted",
        ResponseAddress = "rabbitmq://localhost/respond",
        FaultAddress = "rabbitmq://localhost/faults",
        MessageType = [MessageUrn.ForTypeString(message.GetType())],
        Message = message,
        ExpirationTime = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc),
        SentTime = new DateTime(2026, 11, 26, 0, 30, 0, DateTimeKind.Utc),
        Headers = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["x-pipeline-stage"] = "extract", ["x-attempt"] = 2 },
        Host = HostMetadataCache.Host,
    };

    /// <summary>The bytes MassTransit's serializer puts on the wire for this envelope.</summary>
    public static byte[] Write(MessageEnvelope envelope) => JsonSerializer.SerializeToUtf8Bytes(envelope, SystemTextJsonMessageSerializer.Options);

    /// <summary>A value as JSON, for comparing records whose lists compare by reference.</summary>
    public static string Json(object? value) => JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), SystemTextJsonMessageSerializer.Options);
}

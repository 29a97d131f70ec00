using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MassTransit;
using MassTransit.Serialization;
using Pipeline.Contracts;
using Pipeline.Extraction;
using Pipeline.Messaging.Serialization;

namespace Pipeline.Benchmarks.HotPaths;

/// <summary>
/// Reading a message off the wire into its record, as a consumer gets it: MassTransit's JSON deserializer
/// against the pipeline's single-pass one, on the two large messages (the file inline, the extracted article).
/// </summary>
[MemoryDiagnoser]
public class EnvelopeReadBenchmarks
{
    private readonly SinglePassJsonDeserializer _singlePass = new(new KnownMessageTypes(PipelineMessages.All));
    private byte[] _received = null!;
    private byte[] _extracted = null!;

    [GlobalSetup]
    public void Setup()
    {
        var article = BenchArticles.Text(indonesian: true);
        var input = BenchArticles.InputOf(article);
        var visit = new StageVisit(Stages.Ingest, "bench", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var id = DocumentIds.FromSha256Hex(input.Source.Sha256);
        var received = new ArticleReceived
        {
            DocumentId = id, CorrelationId = Guid.NewGuid(), Source = input.Source, Content = article.Content,
            DroppedAt = DateTimeOffset.UnixEpoch, FileModifiedAt = DateTimeOffset.UnixEpoch, Ingested = visit,
        };
        var extracted = new ArticleExtracted
        {
            DocumentId = id, CorrelationId = received.CorrelationId, DroppedAt = DateTimeOffset.UnixEpoch, Stages = [visit],
            Article = new ArticleExtractor(new ExtractionOptions()).Extract(input),
        };
        _received = Envelope(received);
        _extracted = Envelope(extracted);
    }

    [Benchmark(Baseline = true)]
    public ArticleReceived? MassTransitReceived() => Read<ArticleReceived>(SystemTextJsonMessageSerializer.Instance, _received);

    [Benchmark]
    public ArticleReceived? SinglePassReceived() => Read<ArticleReceived>(_singlePass, _received);

    [Benchmark]
    public ArticleExtracted? MassTransitExtracted() => Read<ArticleExtracted>(SystemTextJsonMessageSerializer.Instance, _extracted);

    [Benchmark]
    public ArticleExtracted? SinglePassExtracted() => Read<ArticleExtracted>(_singlePass, _extracted);

    private static T? Read<T>(IMessageDeserializer deserializer, byte[] body)
        where T : class =>
        deserializer.Deserialize(new BytesMessageBody(body), EmptyHeaders.Instance).TryGetMessage<T>(out var message) ? message : null;

    /// <summary>The body MassTransit's serializer sends (compact, as the pipeline configures it).</summary>
    private static byte[] Envelope(object message)
    {
        // What the pipeline's bus configuration does (MassTransit replaces its options with a configured copy).
        SystemTextJsonMessageSerializer.Options = new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options) { WriteIndented = false };
        var envelope = new JsonMessageEnvelope
        {
            MessageId = NewId.NextGuid().ToString(),
            ConversationId = NewId.NextGuid().ToString(),
            SourceAddress = "rabbitmq://localhost/pipeline-extract",
            DestinationAddress = "rabbitmq://localhost/Pipeline.Contracts:ArticleExtracted",
            MessageType = [MessageUrn.ForTypeString(message.GetType())],
            Message = message,
            SentTime = DateTime.UtcNow,
            Host = MassTransit.Metadata.HostMetadataCache.Host,
        };
        return JsonSerializer.SerializeToUtf8Bytes<MessageEnvelope>(envelope, SystemTextJsonMessageSerializer.Options);
    }
}

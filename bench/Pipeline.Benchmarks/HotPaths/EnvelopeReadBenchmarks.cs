using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MassTransit;
using MassTransit.Serialization;
using Pipeline.Contracts;
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
        var messages = new BenchMessages();
        _received = Envelope(messages.Received);
        _extracted = Envelope(messages.Extracted);
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

using System.Runtime.Serialization;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;

namespace Pipeline.Messaging.Serialization;

/// <summary>
/// Reads MassTransit's JSON envelope in one pass over the bytes. The envelope names its message types before the
/// message itself (MassTransit writes it so), so a message of a known type is read straight into its record. Any
/// other message, or one whose types come after it, is kept as a <see cref="JsonElement"/>, as MassTransit does.
/// </summary>
internal static class EnvelopeReader
{
    private enum Field
    {
        Unknown,
        MessageId,
        RequestId,
        CorrelationId,
        ConversationId,
        InitiatorId,
        SourceAddress,
        DestinationAddress,
        ResponseAddress,
        FaultAddress,
        MessageType,
        Message,
        ExpirationTime,
        SentTime,
        Headers,
        Host,
    }

    // MassTransit reads envelopes case-insensitively; so does this.
    private static readonly Dictionary<string, Field> Fields = Enum.GetValues<Field>()
        .Where(f => f != Field.Unknown)
        .ToDictionary(f => f.ToString(), StringComparer.OrdinalIgnoreCase);

    public static JsonMessageEnvelope Read(ReadOnlySpan<byte> json, KnownMessageTypes known, JsonSerializerOptions options)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
            MaxDepth = options.MaxDepth,
        });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new SerializationException("The message body is not a JSON object, so it holds no MassTransit envelope");

        var envelope = new JsonMessageEnvelope();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Fields.GetValueOrDefault(reader.GetString()!);
            reader.Read();
            ReadField(ref reader, field, envelope, known, options);
        }

        return envelope;
    }

    private static void ReadField(ref Utf8JsonReader reader, Field field, JsonMessageEnvelope envelope, KnownMessageTypes known, JsonSerializerOptions options)
    {
        switch (field)
        {
            case Field.MessageId: envelope.MessageId = reader.GetString(); break;
            case Field.RequestId: envelope.RequestId = reader.GetString(); break;
            case Field.CorrelationId: envelope.CorrelationId = reader.GetString(); break;
            case Field.ConversationId: envelope.ConversationId = reader.GetString(); break;
            case Field.InitiatorId: envelope.InitiatorId = reader.GetString(); break;
            case Field.SourceAddress: envelope.SourceAddress = reader.GetString(); break;
            case Field.DestinationAddress: envelope.DestinationAddress = reader.GetString(); break;
            case Field.ResponseAddress: envelope.ResponseAddress = reader.GetString(); break;
            case Field.FaultAddress: envelope.FaultAddress = reader.GetString(); break;
            case Field.MessageType: envelope.MessageType = JsonSerializer.Deserialize<string[]>(ref reader, options); break;
            case Field.Message: envelope.Message = ReadMessage(ref reader, known.Find(envelope.MessageType), options); break;
            case Field.ExpirationTime: envelope.ExpirationTime = JsonSerializer.Deserialize<DateTime?>(ref reader, options); break;
            case Field.SentTime: envelope.SentTime = JsonSerializer.Deserialize<DateTime?>(ref reader, options); break;
            case Field.Headers:
                envelope.Headers = JsonSerializer.Deserialize<Dictionary<string, object?>>(ref reader, options)
                    ?? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                break;
            case Field.Host: envelope.Host = JsonSerializer.Deserialize<HostInfo>(ref reader, options); break;
            default: reader.Skip(); break;
        }
    }

    private static object ReadMessage(ref Utf8JsonReader reader, Type? type, JsonSerializerOptions options) =>
        type is not null && reader.TokenType == JsonTokenType.StartObject
            ? JsonSerializer.Deserialize(ref reader, type, options)!
            : JsonSerializer.Deserialize<JsonElement>(ref reader, options);
}

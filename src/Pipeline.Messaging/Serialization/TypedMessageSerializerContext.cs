using System.Diagnostics.CodeAnalysis;
using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Serialization;

namespace Pipeline.Messaging.Serialization;

/// <summary>
/// MassTransit's serializer context over a message that was read into its record already. Asked for that record
/// (the usual case), it hands it over; asked for any other shape, it falls back to a JSON element of the message.
/// </summary>
internal sealed class TypedMessageSerializerContext(
    IObjectDeserializer objectDeserializer,
    JsonSerializerOptions options,
    ContentType contentType,
    MessageContext messageContext,
    string[] messageTypes,
    JsonMessageEnvelope envelope)
    : SystemTextJsonSerializerContext(objectDeserializer, options, contentType, messageContext, messageTypes, envelope)
{
    public override bool TryGetMessage<T>([NotNullWhen(true)] out T? message)
        where T : class
    {
        if (Message is T typed && IsSupportedMessageType<T>())
        {
            message = typed;
            return true;
        }

        // MassTransit asks for every message type the endpoint consumes; one the message does not carry is a no
        // (as MassTransit's own context answers), without first writing the whole message out as JSON.
        if (typeof(T) != typeof(JsonObject) && !IsSupportedMessageType<T>())
        {
            message = null;
            return false;
        }

        return AsElement().TryGetMessage(out message);
    }

    public override bool TryGetMessage(Type messageType, [NotNullWhen(true)] out object? message)
    {
        if (messageType.IsInstanceOfType(Message))
        {
            message = Message;
            return true;
        }

        return AsElement().TryGetMessage(messageType, out message);
    }

    private SystemTextJsonSerializerContext AsElement()
    {
        var element = Message as JsonElement? ?? JsonSerializer.SerializeToElement(Message, Options);
        return new SystemTextJsonSerializerContext(this, Options, ContentType, this, SupportedMessageTypes, message: element);
    }
}

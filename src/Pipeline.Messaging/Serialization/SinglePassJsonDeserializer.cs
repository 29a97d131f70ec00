using System.Net.Mime;
using System.Runtime.Serialization;
using MassTransit;
using MassTransit.Serialization;

namespace Pipeline.Messaging.Serialization;

/// <summary>
/// Reads MassTransit's JSON messages (its own content type) with one pass over the body. MassTransit's own
/// deserializer parses the body into a JSON document, copies the message out of it as a second document, and
/// reads the record from that: three passes over the largest part of every message, at every hop. Writing is
/// left to MassTransit's serializer, so what goes on the wire does not change.
/// </summary>
public sealed class SinglePassJsonDeserializer(KnownMessageTypes known) : IMessageDeserializer
{
    public ContentType ContentType => SystemTextJsonMessageSerializer.JsonContentType;

    public void Probe(ProbeContext context)
    {
        var scope = context.CreateScope("json");
        scope.Add("contentType", ContentType.MediaType);
        scope.Add("provider", "System.Text.Json, single pass");
    }

    public ConsumeContext Deserialize(ReceiveContext receiveContext) =>
        new BodyConsumeContext(receiveContext, Deserialize(receiveContext.Body, receiveContext.TransportHeaders, receiveContext.InputAddress));

    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        // The options MassTransit's serializer writes with, including the pipeline's changes to them.
        var options = SystemTextJsonMessageSerializer.Options;
        JsonMessageEnvelope envelope;
        try
        {
            envelope = EnvelopeReader.Read(body.GetBytes(), known, options);
        }
        catch (SerializationException)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new SerializationException("The message envelope could not be read", exception);
        }

        if (envelope.Message is null)
            throw new SerializationException("The message envelope holds no message");
        var deserializer = SystemTextJsonMessageSerializer.Instance;
        var messageContext = new EnvelopeMessageContext(envelope, deserializer);
        return new TypedMessageSerializerContext(deserializer, options, ContentType, messageContext, envelope.MessageType ?? [], envelope);
    }

    public MessageBody GetMessageBody(string text) => new StringMessageBody(text);
}

/// <summary>Registers <see cref="SinglePassJsonDeserializer"/> for MassTransit's JSON content type; serializing stays MassTransit's.</summary>
public sealed class SinglePassJsonSerializerFactory(KnownMessageTypes known) : ISerializerFactory
{
    public ContentType ContentType => SystemTextJsonMessageSerializer.JsonContentType;

    public IMessageSerializer CreateSerializer() => SystemTextJsonMessageSerializer.Instance;

    public IMessageDeserializer CreateDeserializer() => new SinglePassJsonDeserializer(known);
}

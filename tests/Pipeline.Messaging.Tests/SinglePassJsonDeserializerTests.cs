using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Pipeline.Contracts;
using Pipeline.Messaging.Serialization;

namespace Pipeline.Messaging.Tests;

public sealed class SinglePassJsonDeserializerTests
{
    private static readonly SinglePassJsonDeserializer Deserializer = new(new KnownMessageTypes(PipelineMessages.All));

    public static TheoryData<int> MessageIndexes => new(Enumerable.Range(0, SampleMessages.All.Count));

    [Theory]
    [MemberData(nameof(MessageIndexes))]
    public void Every_pipeline_message_reads_as_MassTransit_reads_it(int index)
    {
        var sent = SampleMessages.All[index];
        var body = SampleMessages.Write(SampleMessages.EnvelopeOf(sent));

        var ours = Deserializer.Deserialize(new BytesMessageBody(body), EmptyHeaders.Instance);
        var theirs = SystemTextJsonMessageSerializer.Instance.Deserialize(new BytesMessageBody(body), EmptyHeaders.Instance);

        Assert.IsType<TypedMessageSerializerContext>(ours);
        Assert.Equal(SampleMessages.Json(sent), SampleMessages.Json(Read(theirs, sent.GetType())));
        Assert.Equal(SampleMessages.Json(sent), SampleMessages.Json(Read(ours, sent.GetType())));
        Assert.Equal(
            (theirs.MessageId, theirs.RequestId, theirs.CorrelationId, theirs.ConversationId, theirs.InitiatorId),
            (ours.MessageId, ours.RequestId, ours.CorrelationId, ours.ConversationId, ours.InitiatorId));
        Assert.Equal(
            (theirs.SourceAddress, theirs.DestinationAddress, theirs.ResponseAddress, theirs.FaultAddress, theirs.ExpirationTime, theirs.SentTime),
            (ours.SourceAddress, ours.DestinationAddress, ours.ResponseAddress, ours.FaultAddress, ours.ExpirationTime, ours.SentTime));
        Assert.Equal(theirs.SupportedMessageTypes, ours.SupportedMessageTypes);
        Assert.Equal(theirs.Headers.Get<string>("x-pipeline-stage"), ours.Headers.Get<string>("x-pipeline-stage"));
        Assert.Equal(theirs.Headers.Get<int>("x-attempt"), ours.Headers.Get<int>("x-attempt"));
        Assert.Equal((theirs.Host.MachineName, theirs.Host.ProcessId, theirs.Host.MassTransitVersion), (ours.Host.MachineName, ours.Host.ProcessId, ours.Host.MassTransitVersion));
    }

    [Fact]
    public void A_known_message_is_read_into_its_record_once_and_handed_over_as_it_is()
    {
        var sent = SampleMessages.All.OfType<ArticleExtracted>().Single();
        var context = Deserializer.Deserialize(new BytesMessageBody(SampleMessages.Write(SampleMessages.EnvelopeOf(sent))), EmptyHeaders.Instance);

        Assert.True(context.TryGetMessage<ArticleExtracted>(out var first));
        Assert.True(context.TryGetMessage<ArticleExtracted>(out var second));
        Assert.Same(first, second);
        Assert.Equal(sent.Article.Entities[0].Mentions[0], first!.Article.Entities[0].Mentions[0]);
    }

    [Fact]
    public void A_message_of_another_type_is_kept_as_JSON_and_still_read()
    {
        var sent = new ProbeMessage("not a pipeline message", 42);
        var context = Deserializer.Deserialize(new BytesMessageBody(SampleMessages.Write(SampleMessages.EnvelopeOf(sent))), EmptyHeaders.Instance);

        Assert.True(context.TryGetMessage<ProbeMessage>(out var read));
        Assert.Equal(sent, read);
        Assert.False(context.TryGetMessage<ArticleIndexed>(out _));
    }

    [Fact]
    public void A_message_written_before_its_types_falls_back_to_JSON_and_is_still_read()
    {
        var sent = SampleMessages.All.OfType<ArticleRejected>().Single();
        var envelope = SampleMessages.EnvelopeOf(sent);
        var json = $$"""{"message":{{SampleMessages.Json(sent)}},"messageId":"{{envelope.MessageId}}","messageType":["{{envelope.MessageType![0]}}"]}""";

        var context = Deserializer.Deserialize(new BytesMessageBody(Encoding.UTF8.GetBytes(json)), EmptyHeaders.Instance);

        Assert.True(context.TryGetMessage<ArticleRejected>(out var read));
        Assert.Equal(sent, read);
        Assert.Equal(Guid.Parse(envelope.MessageId!), context.MessageId);
    }

    [Fact]
    public void Envelope_fields_are_matched_whatever_their_case_and_unknown_ones_are_skipped()
    {
        var sent = SampleMessages.All.OfType<ArticleRejected>().Single();
        var json = $$"""{"MESSAGEID":"{{Guid.Empty}}","somethingNew":{"nested":[1,2,{"x":null}]},"MessageType":["{{SampleMessages.EnvelopeOf(sent).MessageType![0]}}"],"Message":{{SampleMessages.Json(sent)}}}""";

        var context = Deserializer.Deserialize(new BytesMessageBody(Encoding.UTF8.GetBytes(json)), EmptyHeaders.Instance);

        Assert.Equal(Guid.Empty, context.MessageId);
        Assert.True(context.TryGetMessage<ArticleRejected>(out var read));
        Assert.Equal(sent, read);
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("{\"messageId\":\"x\"}")]
    [InlineData("{\"messageType\":[\"urn:message:Pipeline.Contracts:ArticleRejected\"],\"message\":{\"reason\":")]
    [InlineData("not json")]
    public void A_body_that_is_no_envelope_is_a_serialization_error(string body)
    {
        var error = Assert.Throws<SerializationException>(() => Deserializer.Deserialize(new BytesMessageBody(Encoding.UTF8.GetBytes(body)), EmptyHeaders.Instance));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Asked_for_a_type_it_does_not_carry_a_known_message_answers_no_without_being_written_out()
    {
        var deserializer = new SinglePassJsonDeserializer(new KnownMessageTypes([typeof(WatchedMessage)]));
        var context = deserializer.Deserialize(new BytesMessageBody(SampleMessages.Write(SampleMessages.EnvelopeOf(new WatchedMessage("x")))), EmptyHeaders.Instance);
        var readsBefore = WatchedMessage.TextReads;

        Assert.False(context.TryGetMessage<ArticleRejected>(out _));

        Assert.Equal(readsBefore, WatchedMessage.TextReads);
        Assert.True(context.TryGetMessage<WatchedMessage>(out var read));
        Assert.Equal("x", read!.Text);
    }

    private static object? Read(SerializerContext context, Type type)
    {
        var method = typeof(SerializerContext).GetMethods().Single(m => m is { Name: nameof(SerializerContext.TryGetMessage), IsGenericMethod: true }).MakeGenericMethod(type);
        object?[] arguments = [null];
        Assert.True((bool)method.Invoke(context, arguments)!);
        return arguments[0];
    }

    public sealed record ProbeMessage(string Text, int Number);

    /// <summary>Counts reads of its property: writing it out as JSON reads it, reading it in from JSON does not.</summary>
    public sealed record WatchedMessage(string Text)
    {
        private static int _textReads;

        public static int TextReads => Volatile.Read(ref _textReads);

        public string Text
        {
            get
            {
                Interlocked.Increment(ref _textReads);
                return field;
            }
            init => field = value;
        } = Text;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Serialization;

/// <summary>
/// <see cref="Mention"/> as {"text","start","length"}. An extracted article holds dozens of mentions and every hop
/// writes and reads them; System.Text.Json's general converter for records with constructor parameters was
/// the largest part of reading a message.
/// </summary>
public sealed class MentionJsonConverter : JsonConverter<Mention>
{
    private static readonly PropertyNames Names = new(nameof(Mention.Text), nameof(Mention.Start), nameof(Mention.Length));

    public override Mention Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadMention(ref reader, options);

    public override void Write(Utf8JsonWriter writer, Mention value, JsonSerializerOptions options) => WriteMention(writer, value, options);

    internal static Mention ReadMention(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        ContractJson.ExpectStartObject(ref reader, "mention");
        string? text = null;
        int start = 0, length = 0;
        while (ContractJson.NextProperty(ref reader))
        {
            if (ContractJson.NameIs(ref reader, "text"u8)) text = ContractJson.ReadString(ref reader);
            else if (ContractJson.NameIs(ref reader, "start"u8)) start = ContractJson.ReadInt32(ref reader, options);
            else if (ContractJson.NameIs(ref reader, "length"u8)) length = ContractJson.ReadInt32(ref reader, options);
            else ContractJson.SkipValue(ref reader);
        }

        return new Mention(ContractJson.Required(text, "text", "mention"), start, length);
    }

    internal static void WriteMention(Utf8JsonWriter writer, Mention value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Names[0, options], value.Text);
        writer.WriteNumber(Names[1, options], value.Start);
        writer.WriteNumber(Names[2, options], value.Length);
        writer.WriteEndObject();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Serialization;

/// <summary><see cref="Quote"/> as {"text","speaker","start","length"}; a speaker nobody could name is written as the options say for nulls.</summary>
public sealed class QuoteJsonConverter : JsonConverter<Quote>
{
    private static readonly PropertyNames Names = new(nameof(Quote.Text), nameof(Quote.Speaker), nameof(Quote.Start), nameof(Quote.Length));

    public override Quote Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ContractJson.ExpectStartObject(ref reader, "quote");
        string? text = null, speaker = null;
        int start = 0, length = 0;
        while (ContractJson.NextProperty(ref reader))
        {
            if (ContractJson.NameIs(ref reader, "text"u8)) text = ContractJson.ReadString(ref reader);
            else if (ContractJson.NameIs(ref reader, "speaker"u8)) speaker = ContractJson.ReadString(ref reader);
            else if (ContractJson.NameIs(ref reader, "start"u8)) start = ContractJson.ReadInt32(ref reader, options);
            else if (ContractJson.NameIs(ref reader, "length"u8)) length = ContractJson.ReadInt32(ref reader, options);
            else ContractJson.SkipValue(ref reader);
        }

        return new Quote(ContractJson.Required(text, "text", "quote"), speaker, start, length);
    }

    public override void Write(Utf8JsonWriter writer, Quote value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Names[0, options], value.Text);
        ContractJson.WriteOptionalString(writer, Names[1, options], value.Speaker, options);
        writer.WriteNumber(Names[2, options], value.Start);
        writer.WriteNumber(Names[3, options], value.Length);
        writer.WriteEndObject();
    }
}

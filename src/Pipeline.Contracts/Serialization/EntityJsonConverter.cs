using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Serialization;

/// <summary><see cref="Entity"/> as {"name","type","mentions"}, its mentions read and written by <see cref="MentionJsonConverter"/> directly.</summary>
public sealed class EntityJsonConverter : JsonConverter<Entity>
{
    private static readonly PropertyNames Names = new(nameof(Entity.Name), nameof(Entity.Type), nameof(Entity.Mentions));

    public override Entity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ContractJson.ExpectStartObject(ref reader, "entity");
        string? name = null, type = null;
        IReadOnlyList<Mention> mentions = [];
        while (ContractJson.NextProperty(ref reader))
        {
            if (ContractJson.NameIs(ref reader, "name"u8)) name = ContractJson.ReadString(ref reader);
            else if (ContractJson.NameIs(ref reader, "type"u8)) type = ContractJson.ReadString(ref reader);
            else if (ContractJson.NameIs(ref reader, "mentions"u8)) mentions = ReadMentions(ref reader, options);
            else ContractJson.SkipValue(ref reader);
        }

        return new Entity(ContractJson.Required(name, "name", "entity"), ContractJson.Required(type, "type", "entity"), mentions);
    }

    public override void Write(Utf8JsonWriter writer, Entity value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Names[0, options], value.Name);
        writer.WriteString(Names[1, options], value.Type);
        writer.WriteStartArray(Names[2, options]);
        foreach (var mention in value.Mentions)
            MentionJsonConverter.WriteMention(writer, mention, options);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static List<Mention> ReadMentions(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        reader.Read();
        var mentions = new List<Mention>();
        if (reader.TokenType == JsonTokenType.Null)
            return mentions;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"An entity's mentions must be a JSON array, not {reader.TokenType}.");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            mentions.Add(MentionJsonConverter.ReadMention(ref reader, options));
        return mentions;
    }
}

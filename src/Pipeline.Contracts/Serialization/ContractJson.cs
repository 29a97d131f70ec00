using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Serialization;

/// <summary>
/// What the small contract converters share. They read property names case-insensitively (MassTransit's and the
/// web's settings both do), skip properties they do not know, and write names through the options' naming policy.
/// </summary>
internal static class ContractJson
{
    public static void ExpectStartObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"A {what} must be a JSON object, not {reader.TokenType}.");
    }

    /// <summary>Moves to the next property name, or returns false at the object's end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    public static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.ValueIsEscaped || reader.HasValueSequence
            ? string.Equals(reader.GetString(), Encoding.UTF8.GetString(name), StringComparison.OrdinalIgnoreCase)
            : Ascii.EqualsIgnoreCase(reader.ValueSpan, name);

    public static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
    }

    public static int ReadInt32(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        reader.Read();
        // The web defaults (the storage's and the HTTP API's) also accept numbers written as strings.
        if (reader.TokenType != JsonTokenType.String || (options.NumberHandling & JsonNumberHandling.AllowReadingFromString) == 0)
            return reader.GetInt32();
        var text = reader.GetString();
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new JsonException($"\"{text}\" is not a whole number.");
    }

    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    public static T Required<T>(T? value, string property, string what)
        where T : class =>
        value ?? throw new JsonException($"A {what} needs its \"{property}\".");

    public static void WriteOptionalString(Utf8JsonWriter writer, JsonEncodedText name, string? value, JsonSerializerOptions options)
    {
        if (value is not null)
            writer.WriteString(name, value);
        else if (options.DefaultIgnoreCondition is not (JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault))
            writer.WriteNull(name);
    }
}

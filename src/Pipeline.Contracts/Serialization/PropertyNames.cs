using System.Text.Json;

namespace Pipeline.Contracts.Serialization;

/// <summary>A type's property names, encoded once for camelCase and for names as declared; other policies are applied per write.</summary>
internal sealed class PropertyNames
{
    private readonly string[] _declared;
    private readonly JsonEncodedText[] _asDeclared;
    private readonly JsonEncodedText[] _camelCase;

    public PropertyNames(params string[] declared)
    {
        _declared = declared;
        _asDeclared = [.. declared.Select(name => JsonEncodedText.Encode(name))];
        _camelCase = [.. declared.Select(name => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(name)))];
    }

    public JsonEncodedText this[int index, JsonSerializerOptions options] => options.PropertyNamingPolicy switch
    {
        null => _asDeclared[index],
        var policy when policy == JsonNamingPolicy.CamelCase => _camelCase[index],
        var policy => JsonEncodedText.Encode(policy.ConvertName(_declared[index])),
    };
}

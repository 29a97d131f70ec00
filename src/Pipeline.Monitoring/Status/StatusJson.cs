using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Monitoring.Status;

/// <summary>The JSON shape of the status report, shared by the HTTP endpoint, the command and its readers.</summary>
public static class StatusJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(StatusReport report) => JsonSerializer.Serialize(report, Options);

    public static StatusReport? Deserialize(string json) => JsonSerializer.Deserialize<StatusReport>(json, Options);
}

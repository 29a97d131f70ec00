using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Host.Web;

/// <summary>One JSON style for every output: camelCase, nulls left out, non-Latin text kept readable.</summary>
public static class PipelineJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Output goes to terminals and files, not into HTML; pages escape text themselves.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

using System.Text.Json;

namespace Pipeline.Benchmarking.Reporting;

public static class BenchJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The report as one JSON object with camelCase names (see <see cref="BenchReport"/>).</summary>
    public static string Serialize(BenchReport report) => JsonSerializer.Serialize(report, Options);
}

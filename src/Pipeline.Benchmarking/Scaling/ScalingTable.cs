using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Benchmarking.Scaling;

/// <summary>`pipeline bench --scaling` output: a table for people, or one JSON object (camelCase) with <c>--json</c>.</summary>
public static class ScalingTable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(ScalingReport report) => JsonSerializer.Serialize(report, Json);

    public static string Format(ScalingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Extract workers on one queue: {report.Pages} generated HTML pages per run, {report.ProcessorsPerWorker} processor(s) per worker, {report.MachineProcessors} on this machine");
        text.AppendLine("| workers | pages/s | vs 1 worker | pages per worker |");
        text.AppendLine("|---|---|---|---|");
        var single = report.Runs.FirstOrDefault(r => r.Workers == 1)?.PagesPerSecond;
        foreach (var run in report.Runs)
        {
            var ratio = single is > 0 ? (run.PagesPerSecond / single.Value).ToString("F2", culture) + "x" : "-";
            text.AppendLine(culture, $"| {run.Workers} | {run.PagesPerSecond:F1} | {ratio} | {string.Join(" / ", run.Shares)} |");
        }

        if (report.SpeedupTwoOverOne is { } speedup)
            text.AppendLine(culture, $"2 workers / 1 worker: {speedup:F2}x");
        return text.ToString();
    }
}

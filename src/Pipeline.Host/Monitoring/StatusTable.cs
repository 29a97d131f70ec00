using System.Globalization;
using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.Status;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pipeline.Host.Monitoring;

/// <summary>The status report as a terminal table. Every value is escaped: queue names and messages are not markup.</summary>
internal static class StatusTable
{
    public static IRenderable Render(StatusReport report)
    {
        var color = report.Health switch
        {
            PipelineHealth.Healthy => "green",
            PipelineHealth.Degraded => "yellow",
            _ => "red",
        };
        var header = new Markup($"[bold {color}]{report.Health}[/]  [grey]{Markup.Escape(report.Source)} at {report.GeneratedAt.ToLocalTime():HH:mm:ss}[/]");

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Stage", "Queue", "Ready", "In progress", "Consumers", "Util.", "In/s", "Out/s", "Errors", "Retries", "ms/msg", "Oldest");
        foreach (var column in table.Columns.Skip(2)) column.RightAligned();
        foreach (var s in report.Stages)
        {
            table.AddRow(
                Markup.Escape(s.Stage),
                Markup.Escape(s.Queue),
                Number(s.Ready),
                Number(s.Unacked),
                s.Consumers == 0 && s.Ready + s.Unacked > 0 ? "[red]0[/]" : Number(s.Consumers),
                s.ConsumerUtilisation is { } u ? string.Create(CultureInfo.InvariantCulture, $"{u:P0}") : "-",
                Rate(s.PublishRate),
                Rate(s.DeliverRate),
                s.Errors > 0 ? $"[red]{Number(s.Errors)}[/]" : "0",
                Number(s.Retries),
                s.ProcessingTimeMs is { } ms ? string.Create(CultureInfo.InvariantCulture, $"{ms:0.#}") : "-",
                s.OldestMessageAgeSeconds is { } age ? string.Create(CultureInfo.InvariantCulture, $"~{age:0}s") : "-");
        }

        var rows = new List<IRenderable> { header, table };
        if (report.Pipeline?.EndToEndLatency is { } latency)
        {
            rows.Add(new Markup(string.Create(CultureInfo.InvariantCulture,
                $"End-to-end latency over {latency.Count} documents: p50 {latency.P50:0} ms, p95 {latency.P95:0} ms, p99 {latency.P99:0} ms")));
        }
        foreach (var alert in report.Alerts)
        {
            var severity = alert.Severity == AlertSeverity.Critical ? "red" : "yellow";
            rows.Add(new Markup($"[{severity}]{alert.Severity}[/] {Markup.Escape(alert.Stage)}: {Markup.Escape(alert.Message)}\n  [grey]{Markup.Escape(alert.Action)}[/]"));
        }
        if (report.Alerts.Count == 0) rows.Add(new Markup("[green]No alerts.[/]"));
        return new Rows(rows);
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace Pipeline.Benchmarking.Reporting;

/// <summary>The report as a plain-text table for people.</summary>
public static class BenchTable
{
    public static string Format(BenchReport report, int articleCount)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Pipeline bench: {articleCount} text articles per set-up (latency measured at half the maximum rate)"));
        text.AppendLine();
        text.AppendLine(Invariant($"{"set-up",-20} {"articles/s",11} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"peak RSS MB",12} {"CPU ms/article ingest/extract/index",36}"));
        Row(text, "embedded", report.Embedded);
        Row(text, "distributed (pg)", report.Distributed);
        Row(text, "distributed (sqlite)", report.DistributedSqlite);
        if (report.Ceiling is { } ceiling)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"Broker ceiling (bare RabbitMQ.Client, three-queue relay, {Relays(ceiling)}): {ceiling.MessagesPerSecond:F0} messages/s"));
            if (report.Ratio is { } ratio)
                text.AppendLine(Invariant($"Ratio distributed (pg) / ceiling: {ratio:F3}"));
            if (report.DistributedSqlite is { } sqlite && ceiling.MessagesPerSecond > 0)
                text.AppendLine(Invariant($"Ratio distributed (sqlite) / ceiling: {sqlite.ArticlesPerSecond / ceiling.MessagesPerSecond:F3}"));
            if (report.MassTransitRelay is { MessagesPerSecond: > 0 } framework && ceiling.MessagesPerSecond > 0)
                text.AppendLine(MassTransitRelayLine(report, ceiling, framework));
        }

        if (report.Broker is { FullSpeedMsPerMessage: { } full, PacedMsPerMessage: { } paced } broker)
        {
            var pipelines = string.Join(", ", new[] { (Store: "pg", Result: report.Distributed), (Store: "sqlite", Result: report.DistributedSqlite) }
                .Where(p => p.Result?.BrokerCpuMsPerArticle is not null)
                .Select(p => Invariant($"{p.Result!.BrokerCpuMsPerArticle:F2} ms in distributed ({p.Store}) at {p.Result.ArticlesPerSecond:F0}/s")));
            text.AppendLine(Invariant(
                $"Broker CPU per article over three hops: {pipelines}; bare relay {paced:F2} ms fed at {broker.PipelineRate:F0}/s, {full:F2} ms at full speed"));
        }

        return text.ToString();
    }

    /// <summary>How far the framework alone falls short of the ceiling, and the pipeline short of the framework.</summary>
    private static string MassTransitRelayLine(BenchReport report, CeilingResult ceiling, CeilingResult framework)
    {
        var pipelines = string.Join(", ", new[] { (Store: "pg", Result: report.Distributed), (Store: "sqlite", Result: report.DistributedSqlite) }
            .Where(p => p.Result is not null)
            .Select(p => Invariant($"distributed ({p.Store}) {p.Result!.ArticlesPerSecond / framework.MessagesPerSecond:F3}")));
        return Invariant(
            $"MassTransit relay, no work in the consumers ({Relays(framework)}): {framework.MessagesPerSecond:F0} messages/s, {framework.MessagesPerSecond / ceiling.MessagesPerSecond:F3} of the ceiling; {pipelines} of it");
    }

    private static string Relays(CeilingResult result) =>
        result.Relays == 1 ? "one relay" : Invariant($"median of {result.Relays} relays");

    private static void Row(StringBuilder text, string name, SetupResult? result)
    {
        if (result is null) return;
        var cpu = result is DistributedResult { CpuMsPerArticle: var c } ? Invariant($"{c.Ingest:F2} / {c.Extract:F2} / {c.Index:F2}") : "-";
        text.AppendLine(Invariant(
            $"{name,-20} {result.ArticlesPerSecond,11:F0} {result.P50Ms,8:F0} {result.P95Ms,8:F0} {result.P99Ms,8:F0} {result.PeakRssMb,12:F0} {cpu,36}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

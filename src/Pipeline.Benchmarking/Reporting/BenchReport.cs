using System.Text.Json.Serialization;

namespace Pipeline.Benchmarking.Reporting;

/// <summary>
/// Everything one bench run measured, in the shape `pipeline bench --json` prints:
/// <c>{"embedded": {...}, "distributed": {..., "cpuMsPerArticle": {...}}, "distributedSqlite": {...}, "ceiling": {...}, "ratio"}</c>.
/// A set-up that was not run is null.
/// </summary>
public sealed record BenchReport(
    SetupResult? Embedded,
    DistributedResult? Distributed,
    DistributedResult? DistributedSqlite,
    CeilingResult? Ceiling)
{
    /// <summary>Distributed (PostgreSQL) articles per second over the broker's own relay ceiling.</summary>
    public double? Ratio => Distributed is not null && Ceiling is { MessagesPerSecond: > 0 }
        ? Math.Round(Distributed.ArticlesPerSecond / Ceiling.MessagesPerSecond, 3)
        : null;
}

/// <summary>Throughput at saturation; latency (drop to stored) at half that rate; the largest resident set of any process.</summary>
public record SetupResult(double ArticlesPerSecond, double P50Ms, double P95Ms, double P99Ms, double PeakRssMb);

/// <param name="CpuMsPerArticle">Written after the fields shared with <see cref="SetupResult"/>, as the issue lists them.</param>
public sealed record DistributedResult(
    double ArticlesPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double PeakRssMb,
    [property: JsonPropertyOrder(1)] StageCpu CpuMsPerArticle)
    : SetupResult(ArticlesPerSecond, P50Ms, P95Ms, P99Ms, PeakRssMb);

/// <summary>CPU milliseconds (user + system) each worker process spent per article in the throughput phase.</summary>
public sealed record StageCpu(double Ingest, double Extract, double Index);

/// <param name="MessagesPerSecond">The median rate of the relays.</param>
/// <param name="Relays">How many bare relays the median is of; the JSON shape has no place for it, the table shows it.</param>
public sealed record CeilingResult(double MessagesPerSecond, [property: JsonIgnore] int Relays = 1);

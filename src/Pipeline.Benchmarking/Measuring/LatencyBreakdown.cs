using System.Globalization;
using Pipeline.Contracts;

namespace Pipeline.Benchmarking.Measuring;

/// <summary>
/// Where an article's time from drop to stored went, in the order it passed: until ingest saw the file, until the
/// file had settled and ingest claimed it, ingest's own work, the wait for extraction, extraction, the wait for an
/// index worker, and the write (the batch in progress, then its own). The stamps come from the stored document:
/// when ingest first saw the file and each stage's visit.
/// </summary>
public static class LatencyBreakdown
{
    public static readonly IReadOnlyList<string> Segments =
        ["detection", "settling", "ingest", "to extract", "extract", "to index", "index write"];

    /// <summary>One article's segments in milliseconds; they add up to its latency.</summary>
    /// <param name="droppedAt">When the bench dropped the file.</param>
    /// <param name="firstSeen">When ingest first saw it (the stored document's drop time).</param>
    /// <param name="visits">The stage visits the stored document carries.</param>
    /// <param name="storedAt">When the store wrote it.</param>
    public static double[] Of(DateTimeOffset droppedAt, DateTimeOffset firstSeen, IReadOnlyList<StageVisit> visits, DateTimeOffset storedAt)
    {
        ArgumentNullException.ThrowIfNull(visits);
        var ingest = Visit(visits, Stages.Ingest);
        var extract = Visit(visits, Stages.Extract);
        var index = Visit(visits, Stages.Index);
        DateTimeOffset[] stamps = [droppedAt, firstSeen, ingest.StartedAt, ingest.FinishedAt, extract.StartedAt, extract.FinishedAt, index.StartedAt, storedAt];
        var segments = new double[Segments.Count];
        for (var i = 0; i < segments.Length; i++)
            segments[i] = (stamps[i + 1] - stamps[i]).TotalMilliseconds;
        return segments;
    }

    /// <summary>
    /// Each segment's median over every article and over the slowest (100 - <paramref name="percent"/>)% of them
    /// (at least one), as "segment all/slowest" in milliseconds: the segment that grew is where a stall held them.
    /// </summary>
    /// <param name="segments">Each article's segments, from <see cref="Of"/>.</param>
    /// <param name="latencies">Each article's latency, in the same order.</param>
    public static string Describe(IReadOnlyList<double[]> segments, IReadOnlyList<double> latencies, double percent)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(latencies);
        if (segments.Count != latencies.Count || segments.Count == 0)
            throw new ArgumentException($"{segments.Count} breakdowns and {latencies.Count} latencies: they must pair up, one or more.", nameof(latencies));
        var slowestCount = Math.Max(1, (int)Math.Ceiling(latencies.Count * (100 - percent) / 100));
        var slowest = Enumerable.Range(0, latencies.Count).OrderByDescending(i => latencies[i]).Take(slowestCount).Select(i => segments[i]).ToList();
        return string.Join(", ", Segments.Select((name, s) => string.Create(CultureInfo.InvariantCulture,
            $"{name} {Milliseconds(Median(segments, s))}/{Milliseconds(Median(slowest, s))}")));
    }

    // Whole milliseconds; a fraction below zero (SQLite stores its time in whole milliseconds) rounds to "0", not "-0".
    private static string Milliseconds(double value) => (Math.Round(value) + 0.0).ToString("F0", CultureInfo.InvariantCulture);

    private static double Median(IReadOnlyList<double[]> segments, int segment) =>
        Percentiles.Of(segments.Select(article => article[segment]).Order().ToList(), 50);

    private static StageVisit Visit(IReadOnlyList<StageVisit> visits, string stage) =>
        visits.LastOrDefault(v => v.Stage == stage)
        ?? throw new InvalidOperationException($"The stored document has no {stage} visit; its stages: {string.Join(", ", visits.Select(v => v.Stage))}.");
}

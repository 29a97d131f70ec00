namespace Pipeline.Benchmarking.Measuring;

/// <summary>
/// When the slowest articles of a phase were dropped, counted from its first drop. A narrow window means one stall
/// held them together (a flush, a pause, a blocked stage); a window as wide as the phase means a tail spread evenly.
/// </summary>
public static class SlowestDrops
{
    /// <summary>
    /// The first and last drop, as offsets from the earliest drop, of the slowest (100 - <paramref name="percent"/>)%
    /// of the articles (at least one).
    /// </summary>
    /// <param name="droppedAt">Each article's drop time.</param>
    /// <param name="latencies">Each article's latency in milliseconds, in the same order as <paramref name="droppedAt"/>.</param>
    public static (TimeSpan From, TimeSpan To) Window(IReadOnlyList<DateTimeOffset> droppedAt, IReadOnlyList<double> latencies, double percent)
    {
        ArgumentNullException.ThrowIfNull(droppedAt);
        ArgumentNullException.ThrowIfNull(latencies);
        if (droppedAt.Count != latencies.Count || droppedAt.Count == 0)
            throw new ArgumentException($"{droppedAt.Count} drop times and {latencies.Count} latencies: they must pair up, one or more.", nameof(latencies));
        var slowest = Math.Max(1, (int)Math.Ceiling(latencies.Count * (100 - percent) / 100));
        var start = droppedAt.Min();
        var offsets = Enumerable.Range(0, latencies.Count)
            .OrderByDescending(i => latencies[i])
            .Take(slowest)
            .Select(i => droppedAt[i] - start)
            .ToList();
        return (offsets.Min(), offsets.Max());
    }
}

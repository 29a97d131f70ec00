using Pipeline.Monitoring.Health;

namespace Pipeline.Monitoring.InProcess;

/// <summary>
/// The last N latencies in a fixed ring: adding is O(1) and allocation-free on the hot path; percentiles
/// sort a copy, which only the sampler does every few seconds.
/// </summary>
public sealed class LatencyReservoir
{
    private readonly double[] _ring;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public LatencyReservoir(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new double[capacity];
    }

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _ring[_next] = milliseconds;
            _next = (_next + 1) % _ring.Length;
            if (_count < _ring.Length) _count++;
        }
    }

    /// <summary>Nearest-rank percentiles, or null before the first document.</summary>
    public LatencyPercentiles? Percentiles()
    {
        double[] copy;
        lock (_lock)
        {
            if (_count == 0) return null;
            copy = _ring.AsSpan(0, _count).ToArray();
        }
        Array.Sort(copy);
        return new LatencyPercentiles(Rank(copy, 0.50), Rank(copy, 0.95), Rank(copy, 0.99), copy.Length);
    }

    private static double Rank(double[] sorted, double percentile)
    {
        var index = (int)Math.Ceiling(percentile * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(index, 0, sorted.Length - 1)], 1);
    }
}

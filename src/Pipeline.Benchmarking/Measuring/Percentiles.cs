namespace Pipeline.Benchmarking.Measuring;

/// <summary>Nearest-rank percentiles of a set of durations.</summary>
public static class Percentiles
{
    /// <summary>The smallest value with at least <paramref name="percent"/>% of the values at or below it.</summary>
    public static double Of(IReadOnlyList<double> sortedValues, double percent)
    {
        ArgumentNullException.ThrowIfNull(sortedValues);
        if (sortedValues.Count == 0)
            throw new ArgumentException("No values to take a percentile of.", nameof(sortedValues));
        var rank = (int)Math.Ceiling(percent / 100 * sortedValues.Count);
        return sortedValues[Math.Clamp(rank - 1, 0, sortedValues.Count - 1)];
    }
}

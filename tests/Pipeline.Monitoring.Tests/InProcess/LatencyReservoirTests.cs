using Pipeline.Monitoring.InProcess;

namespace Pipeline.Monitoring.Tests.InProcess;

public sealed class LatencyReservoirTests
{
    [Fact]
    public void No_documents_no_percentiles()
    {
        Assert.Null(new LatencyReservoir(10).Percentiles());
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var reservoir = new LatencyReservoir(1000);
        // 1..100 ms in shuffled order.
        foreach (var ms in Enumerable.Range(1, 100).OrderBy(i => (i * 37) % 101)) reservoir.Add(ms);

        var percentiles = reservoir.Percentiles()!;

        Assert.Equal(50, percentiles.P50);
        Assert.Equal(95, percentiles.P95);
        Assert.Equal(99, percentiles.P99);
        Assert.Equal(100, percentiles.Count);
    }

    [Fact]
    public void Only_the_most_recent_latencies_count()
    {
        var reservoir = new LatencyReservoir(4);
        foreach (var ms in new[] { 1000.0, 1000, 1000, 1000, 10, 10, 10, 10 }) reservoir.Add(ms);

        Assert.Equal(10, reservoir.Percentiles()!.P99);
    }
}

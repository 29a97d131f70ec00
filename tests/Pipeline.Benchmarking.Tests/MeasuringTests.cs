using Pipeline.Benchmarking.Measuring;
using Pipeline.Contracts;

namespace Pipeline.Benchmarking.Tests;

public sealed class MeasuringTests
{
    [Fact]
    public void Cpu_time_is_read_after_a_command_name_with_spaces_and_parentheses()
    {
        // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        const string Stat = "4242 (dotnet (worker) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 75 0 0 20 0 12 0";

        Assert.Equal(TimeSpan.FromSeconds(3.25), ProcessStats.CpuTimeOf(Stat));
    }

    [Fact]
    public void This_process_has_used_cpu_and_memory()
    {
        var sample = ProcessStats.Read(Environment.ProcessId);

        Assert.True(sample.CpuTime > TimeSpan.Zero);
        Assert.True(sample.ResidentBytes > 1024 * 1024);
        Assert.True(sample.PeakResidentBytes >= sample.ResidentBytes);
    }

    [Theory]
    [InlineData(50, 50)]
    [InlineData(95, 95)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(0.5, 1)]
    public void Percentiles_are_nearest_rank(double percent, double expected)
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToList();

        Assert.Equal(expected, Percentiles.Of(values, percent));
    }

    [Fact]
    public void The_slowest_drops_window_spans_the_articles_a_stall_held_back()
    {
        // 200 drops 50 ms apart at 300 ms each; the two dropped at 4.0 s and 4.05 s waited 900 ms.
        var start = new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
        var dropped = Enumerable.Range(0, 200).Select(i => start.AddMilliseconds(50 * i)).ToList();
        var latencies = Enumerable.Range(0, 200).Select(i => i is 80 or 81 ? 900.0 : 300.0).ToList();

        var (from, to) = SlowestDrops.Window(dropped, latencies, 99);

        Assert.Equal(TimeSpan.FromSeconds(4), from);
        Assert.Equal(TimeSpan.FromSeconds(4.05), to);
    }

    [Fact]
    public void The_slowest_drops_window_is_counted_from_the_earliest_drop_whatever_the_order()
    {
        var start = new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] dropped = [start.AddSeconds(3), start, start.AddSeconds(1)];
        double[] latencies = [500, 100, 200];

        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)), SlowestDrops.Window(dropped, latencies, 99));
    }

    [Fact]
    public void Drop_times_and_latencies_must_pair_up() =>
        Assert.Throws<ArgumentException>(() => SlowestDrops.Window([DateTimeOffset.UnixEpoch], [], 99));
}

public sealed class LatencyBreakdownTests
{
    private static readonly DateTimeOffset Drop = new(2026, 11, 27, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_article_is_split_at_each_stamp_in_the_order_it_passed()
    {
        // Visits listed out of order, as a redelivery could leave them; each stage is found by name.
        StageVisit[] visits =
        [
            new(Stages.Extract, "e", At(300), At(312)),
            new(Stages.Ingest, "i", At(260), At(265)),
            new(Stages.Index, "x", At(340), At(340)),
        ];

        var segments = LatencyBreakdown.Of(Drop, At(8), visits, At(343));

        Assert.Equal([8, 252, 5, 35, 12, 28, 3], segments);
        Assert.Equal(343, segments.Sum());
    }

    [Fact]
    public void A_document_without_a_stage_visit_is_reported_not_guessed()
    {
        StageVisit[] visits = [new(Stages.Ingest, "i", At(1), At(2)), new(Stages.Index, "x", At(5), At(5))];

        var error = Assert.Throws<InvalidOperationException>(() => LatencyBreakdown.Of(Drop, Drop, visits, At(6)));

        Assert.Contains(Stages.Extract, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_segment_that_held_the_slowest_articles_back_shows_its_growth()
    {
        // 200 articles: most wait 1 ms for indexing; two were held 450 ms behind a slow write.
        var segments = Enumerable.Range(0, 200).Select(i => new double[] { 9, 250, 1, 1, 3, i is 17 or 18 ? 450 : 1, 2 }).ToList();
        var latencies = segments.Select(s => s.Sum()).ToList();

        var description = LatencyBreakdown.Describe(segments, latencies, 99);

        Assert.Equal("detection 9/9, settling 250/250, ingest 1/1, to extract 1/1, extract 3/3, to index 1/450, index write 2/2", description);
    }

    [Fact]
    public void A_segment_a_fraction_of_a_millisecond_below_zero_reads_as_zero()
    {
        // SQLite keeps the stored time in whole milliseconds, so a write that finished within the millisecond the
        // index visit started in comes out a fraction below zero.
        var segments = Enumerable.Range(0, 10).Select(_ => new double[] { 9, 250, 1, 1, 3, 1, -0.3 }).ToList();

        var description = LatencyBreakdown.Describe(segments, segments.Select(s => s.Sum()).ToList(), 99);

        Assert.EndsWith("index write 0/0", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Breakdowns_and_latencies_must_pair_up() =>
        Assert.Throws<ArgumentException>(() => LatencyBreakdown.Describe([new double[7]], [], 99));

    private static DateTimeOffset At(double milliseconds) => Drop.AddMilliseconds(milliseconds);
}

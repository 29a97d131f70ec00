using Pipeline.Benchmarking.Measuring;

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

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
}

using Pipeline.Monitoring.Health;
using static Pipeline.Monitoring.Tests.Health.Samples;

namespace Pipeline.Monitoring.Tests.Health;

public sealed class SampleHistoryTests
{
    [Fact]
    public void Keeps_the_newest_samples_oldest_first_once_full()
    {
        var history = new SampleHistory(3);
        for (var minute = 0; minute < 5; minute++) history.Add(At(TimeSpan.FromMinutes(minute), Stage()));

        var kept = history.Snapshot();

        Assert.Equal([Start.AddMinutes(2), Start.AddMinutes(3), Start.AddMinutes(4)], kept.Select(s => s.At));
    }

    [Fact]
    public void Holds_an_hour_of_samples_at_the_configured_interval()
    {
        var history = SampleHistory.For(new MonitoringOptions { History = TimeSpan.FromHours(1), SampleInterval = TimeSpan.FromSeconds(5) });
        for (var i = 0; i < 800; i++) history.Add(At(TimeSpan.FromSeconds(5 * i), Stage()));

        var kept = history.Snapshot();

        Assert.Equal(TimeSpan.FromHours(1), kept[^1].At - kept[0].At);
    }
}

using Pipeline.Benchmarking.Ceiling;

namespace Pipeline.Benchmarking.Tests;

public sealed class RelayArrivalsTests
{
    [Fact]
    public void A_body_delivered_twice_counts_once()
    {
        var arrivals = new RelayArrivals(3);

        arrivals.Arrived(0);
        arrivals.Arrived(1);
        arrivals.Arrived(1);

        Assert.False(arrivals.All.IsCompleted);
        arrivals.Arrived(2);
        Assert.True(arrivals.All.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_break_fails_the_wait_with_its_reason()
    {
        var arrivals = new RelayArrivals(2);
        arrivals.Arrived(0);

        arrivals.Break("the endpoint faulted");

        var error = await Assert.ThrowsAsync<RelayBrokenException>(() => arrivals.All);
        Assert.Equal("the endpoint faulted", error.Message);
    }
}

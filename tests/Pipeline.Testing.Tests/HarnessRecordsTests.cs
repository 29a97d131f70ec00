using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Testing.Messages;

namespace Pipeline.Testing.Tests;

public sealed class HarnessRecordsTests
{
    public sealed record Pinged(int Number);

    [Fact]
    public async Task Reads_what_was_published_without_waiting_for_the_bus_to_fall_silent()
    {
        // A harness whose bus is never judged inactive during the test: the waiting Select would hold on for the
        // whole inactivity timeout (and, racing that timeout, can deadlock); SoFar must return at once regardless.
        await using var provider = new ServiceCollection()
            .AddMassTransitTestHarness(x => x.SetTestTimeouts(testTimeout: TimeSpan.FromMinutes(10), testInactivityTimeout: TimeSpan.FromMinutes(10)))
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new Pinged(1));
        await harness.Bus.Publish(new Pinged(2));
        Assert.True(await harness.Published.Any<Pinged>(m => m.Context.Message.Number == 2));

        var read = await Task.Run(() => harness.Published.MessagesSoFar<Pinged>()).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal([1, 2], read.Select(m => m.Number).Order());
        Assert.False(harness.InactivityToken.IsCancellationRequested, "the bus was still considered active, so a waiting read would have waited");
    }
}

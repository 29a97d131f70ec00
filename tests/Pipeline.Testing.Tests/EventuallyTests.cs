using Pipeline.Testing.Processes;

namespace Pipeline.Testing.Tests;

public sealed class EventuallyTests
{
    [Fact]
    public async Task Returns_as_soon_as_the_condition_holds()
    {
        var calls = 0;

        await Eventually.WaitUntilAsync(() => ++calls == 3, TimeSpan.FromSeconds(10), pollInterval: TimeSpan.FromMilliseconds(1));

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Times_out_with_the_description_of_what_was_awaited()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.WaitUntilAsync(() => false, TimeSpan.FromMilliseconds(50), "the moon to turn blue", TimeSpan.FromMilliseconds(5)));

        Assert.Contains("the moon to turn blue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_probe_ends_the_wait_with_its_own_exception()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Eventually.WaitUntilAsync(() => throw new InvalidOperationException("probe broke"), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitFor_returns_the_first_value_found()
    {
        var calls = 0;

        var value = await Eventually.WaitForAsync(
            _ => Task.FromResult(++calls < 2 ? null : $"found after {calls}"),
            TimeSpan.FromSeconds(10),
            pollInterval: TimeSpan.FromMilliseconds(1));

        Assert.Equal("found after 2", value);
    }
}

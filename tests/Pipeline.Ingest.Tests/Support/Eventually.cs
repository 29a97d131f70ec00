namespace Pipeline.Ingest.Tests.Support;

/// <summary>Waits for a condition with a deadline, checking it often; fails the test with a description.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task HoldsAsync(Func<bool> condition, string description, TimeSpan? timeout = null)
    {
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {description}");
            await ticks.WaitForNextTickAsync();
        }
    }
}

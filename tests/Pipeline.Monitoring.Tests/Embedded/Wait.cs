namespace Pipeline.Monitoring.Tests.Embedded;

/// <summary>Waits on a condition with a deadline instead of sleeping a guessed time.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan deadline, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = new CancellationTokenSource(deadline);
        while (!condition())
        {
            if (timeout.IsCancellationRequested) throw new TimeoutException($"Waited {deadline} for {what}.");
            await Task.Delay(20, CancellationToken.None);
        }
    }
}

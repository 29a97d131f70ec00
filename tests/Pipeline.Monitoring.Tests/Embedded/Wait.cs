namespace Pipeline.Monitoring.Tests.Embedded;

/// <summary>Waits on a condition with a deadline instead of sleeping a guessed time.</summary>
public static class Wait
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static Task UntilAsync(Func<bool> condition, TimeSpan deadline, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return ForAsync(() => Task.FromResult(condition()), met => met, deadline, what);
    }

    /// <summary>Polls an asynchronous read (an HTTP endpoint, say) until its result satisfies the condition; returns that result.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan deadline, string what)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = new CancellationTokenSource(deadline);
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (timeout.IsCancellationRequested) throw new TimeoutException($"Waited {deadline} for {what}; the last read was: {value}");
            await Task.Delay(PollInterval, CancellationToken.None);
        }
    }
}

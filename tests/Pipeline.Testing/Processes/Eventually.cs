using System.Diagnostics;

namespace Pipeline.Testing.Processes;

/// <summary>
/// Polls a condition until it holds or a deadline passes. Tests use this instead of sleeping:
/// the wait ends as soon as the condition is true, and a timeout says what was being waited for.
/// </summary>
public static class Eventually
{
    /// <summary>How long to pause between two evaluations when the caller does not say.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(100);

    public static Task WaitUntilAsync(
        Func<bool> condition,
        TimeSpan timeout,
        string? because = null,
        TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitUntilAsync(_ => Task.FromResult(condition()), timeout, because, pollInterval, cancellationToken);
    }

    /// <summary>
    /// Evaluates <paramref name="condition"/> until it returns true. An exception thrown by the condition
    /// ends the wait at once (a broken probe should not be mistaken for "not yet").
    /// </summary>
    /// <exception cref="TimeoutException">The condition did not hold before <paramref name="timeout"/>.</exception>
    public static async Task WaitUntilAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        string? because = null,
        TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var interval = pollInterval ?? DefaultPollInterval;
        var clock = Stopwatch.StartNew();
        var attempts = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            attempts++;
            if (await condition(cancellationToken))
            {
                return;
            }

            if (clock.Elapsed >= timeout)
            {
                throw new TimeoutException(
                    $"Condition not met within {timeout.TotalSeconds:0.###} s ({attempts} checks): {because ?? "no description given"}.");
            }

            await Task.Delay(interval, cancellationToken);
        }
    }

    /// <summary>
    /// Polls <paramref name="probe"/> until it returns a non-null value, and returns that value.
    /// </summary>
    public static async Task<T> WaitForAsync<T>(
        Func<CancellationToken, Task<T?>> probe,
        TimeSpan timeout,
        string? because = null,
        TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        T? found = null;
        await WaitUntilAsync(
            async ct =>
            {
                found = await probe(ct);
                return found is not null;
            },
            timeout,
            because,
            pollInterval,
            cancellationToken);
        return found!;
    }
}

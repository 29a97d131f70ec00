namespace Pipeline.Testing.Processes;

/// <summary>
/// Polls a condition until it holds or a deadline passes; tests use this instead of sleeping.
/// See <see cref="LocalServers.Eventually"/>, which does the work.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultPollInterval = LocalServers.Eventually.DefaultPollInterval;

    /// <summary>Long enough for a slow, busy CI machine; a condition that holds at all holds well within it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static Task WaitUntilAsync(
        Func<bool> condition,
        TimeSpan timeout,
        string? because = null,
        TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default) =>
        LocalServers.Eventually.WaitUntilAsync(condition, timeout, because, pollInterval, cancellationToken);

    public static Task WaitUntilAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        string? because = null,
        TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default) =>
        LocalServers.Eventually.WaitUntilAsync(condition, timeout, because, pollInterval, cancellationToken);

    public static Task<T> WaitForAsync<T>(
        Func<CancellationToken, Task<T?>> probe,
        TimeSpan timeout,
        string? because = null,
        TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default)
        where T : class =>
        LocalServers.Eventually.WaitForAsync(probe, timeout, because, pollInterval, cancellationToken);
}

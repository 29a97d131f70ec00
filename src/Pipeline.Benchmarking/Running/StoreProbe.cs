using Pipeline.Benchmarking.Measuring;
using Pipeline.LocalServers;
using Pipeline.Storage;

namespace Pipeline.Benchmarking.Running;

/// <summary>Watches the set-up's store: how many articles are in, and when each one was stored.</summary>
internal sealed class StoreProbe(IArticleStore store)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public Task InitializeAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    /// <summary>Waits until the store holds <paramref name="expected"/> documents; on timeout says what the processes printed.</summary>
    public async Task WaitForCountAsync(long expected, TimeSpan timeout, Func<string> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            await Eventually.WaitUntilAsync(
                async ct => await store.CountAsync(ct) >= expected,
                timeout,
                $"the store to hold {expected} articles",
                PollInterval,
                cancellationToken);
        }
        catch (TimeoutException ex)
        {
            var count = await store.CountAsync(cancellationToken);
            throw new TimeoutException($"{ex.Message} It holds {count}.{Environment.NewLine}{diagnostics()}", ex);
        }
    }

    /// <summary>How long each dropped file took from its drop to being stored, in milliseconds.</summary>
    public async Task<IReadOnlyList<double>> LatenciesAsync(IReadOnlyList<Drop> drops, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(drops.Count);
        foreach (var drop in drops)
        {
            var versions = await store.GetVersionsAsync(drop.FileName, cancellationToken);
            if (versions.Count == 0)
                throw new InvalidOperationException($"{drop.FileName} was counted but is not in the store under its name.");
            latencies.Add((versions[0].StoredAt - drop.DroppedAt).TotalMilliseconds);
        }

        return latencies;
    }

    /// <summary>
    /// Each dropped file's <see cref="LatencyBreakdown"/>, read from its stored document, in drop order. Its
    /// segments add up to the file's latency, so the paced phase reads each document once.
    /// </summary>
    public async Task<IReadOnlyList<double[]>> BreakdownsAsync(IReadOnlyList<Drop> drops, CancellationToken cancellationToken)
    {
        var breakdowns = new List<double[]>(drops.Count);
        foreach (var drop in drops)
        {
            var versions = await store.GetVersionsAsync(drop.FileName, cancellationToken);
            var document = versions.Count == 0 ? null : await store.GetAsync(versions[0].DocumentId, cancellationToken);
            if (document?.StoredAt is not { } storedAt)
                throw new InvalidOperationException($"{drop.FileName} was counted but cannot be read back from the store.");
            breakdowns.Add(LatencyBreakdown.Of(drop.DroppedAt, document.DroppedAt, document.Stages, storedAt));
        }

        return breakdowns;
    }
}
